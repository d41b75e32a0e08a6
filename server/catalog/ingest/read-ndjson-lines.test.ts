import { describe, expect, it } from 'vitest';
import { readNdjsonLines, type NdjsonLine } from './read-ndjson-lines';

async function collect(chunks: (string | Buffer)[], maxLineBytes?: number): Promise<NdjsonLine[]> {
  const out: NdjsonLine[] = [];
  for await (const line of readNdjsonLines(chunks, { maxLineBytes })) out.push(line);
  return out;
}

describe('readNdjsonLines', () => {
  it('numbers lines across chunk boundaries, drops CR and a leading BOM, keeps a last line without newline', async () => {
    const lines = await collect(['\uFEFF{"a"', ':1}\r\n\n{"b":2}\n{"c"', ':3}']);
    expect(lines).toEqual([
      { line: 1, text: '{"a":1}', bytes: 11 },
      { line: 2, text: '', bytes: 0 },
      { line: 3, text: '{"b":2}', bytes: 7 },
      { line: 4, text: '{"c":3}', bytes: 7 },
    ]);
  });

  it('decodes a multi-byte character split between chunks', async () => {
    const bytes = Buffer.from('{"n":"Æsir"}\n', 'utf8');
    const lines = await collect([bytes.subarray(0, 7), bytes.subarray(7)]);
    expect(lines).toEqual([{ line: 1, text: '{"n":"Æsir"}', bytes: bytes.length - 1 }]);
  });

  it('marks a line over the limit as too long without buffering it, and goes on with the next', async () => {
    const lines = await collect(['x'.repeat(30), 'y'.repeat(30), '\n{"ok":1}\n'], 40);
    expect(lines).toEqual([
      { line: 1, tooLong: true, bytes: 60 },
      { line: 2, text: '{"ok":1}', bytes: 8 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { peekHead } from './peek-head';
import { startsWithRecord } from './recognise-foreign-input';

async function* chunks(...parts: (string | Error)[]): AsyncGenerator<Buffer> {
  for (const part of parts) {
    if (part instanceof Error) throw part;
    yield Buffer.from(part);
  }
}
const readAll = async (input: AsyncIterable<Buffer>) => {
  let text = '';
  for await (const chunk of input) text += chunk.toString();
  return text;
};

describe('peekHead', () => {
  it('gives the first bytes and the whole stream again', async () => {
    const { head, ended, input } = await peekHead(chunks('abc', 'def', 'ghi'), 5);
    expect([head.toString(), ended]).toEqual(['abcde', false]);
    expect(await readAll(input)).toBe('abcdefghi');
  });

  it('stops reading once the head decides: a first line that is a record', async () => {
    let read = 0;
    async function* counted() {
      for (const part of ['{"type":"table"}\n', '{"type":"tag"}\n', 'x']) {
        read += 1;
        yield Buffer.from(part);
      }
    }
    const { head, input } = await peekHead(counted(), 1024, { enough: startsWithRecord });
    expect([head.toString(), read]).toEqual(['{"type":"table"}\n', 1]);
    expect(await readAll(input)).toBe('{"type":"table"}\n{"type":"tag"}\nx');
  });

  it('with deferErrors, fails in the stream where the source failed, after what was read', async () => {
    const { head, input } = await peekHead(chunks('ab', new Error('too large')), 10, { deferErrors: true });
    expect(head.toString()).toBe('ab');
    const seen: string[] = [];
    await expect((async () => { for await (const c of input) seen.push(c.toString()); })()).rejects.toThrow('too large');
    expect(seen).toEqual(['ab']);
    await expect(peekHead(chunks('ab', new Error('at once')), 10)).rejects.toThrow('at once');
  });
});

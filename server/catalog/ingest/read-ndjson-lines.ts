// Splits a byte stream into numbered lines without holding more than one line in memory. Unlike
// node:readline it caps the line length: a multi-GB file with no newline (or one huge line) yields a
// `tooLong` marker for that line instead of growing a buffer until the process dies. Lines end at
// `\n`; a trailing `\r` and a UTF-8 byte-order mark on line 1 are removed.

export type NdjsonLine =
  | { line: number; text: string; bytes: number }
  | { line: number; tooLong: true; bytes: number };

export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

export async function* readNdjsonLines(
  input: AsyncIterable<Buffer | string | Uint8Array> | Iterable<Buffer | string | Uint8Array>,
  options: { maxLineBytes?: number } = {},
): AsyncGenerator<NdjsonLine> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false; // inside a line that is already too long
  let lineNumber = 0;

  const finishLine = (tail: Buffer): NdjsonLine => {
    lineNumber += 1;
    const bytes = pendingBytes + tail.length;
    if (skipping || bytes > maxLineBytes) {
      pending = [];
      pendingBytes = 0;
      skipping = false;
      return { line: lineNumber, tooLong: true, bytes };
    }
    const buffer = pending.length ? Buffer.concat([...pending, tail]) : tail;
    pending = [];
    pendingBytes = 0;
    let text = buffer.toString('utf8');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (lineNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { line: lineNumber, text, bytes };
  };

  for await (const chunk of input) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let nl = data.indexOf(0x0a, start); nl !== -1; nl = data.indexOf(0x0a, start)) {
      yield finishLine(data.subarray(start, nl));
      start = nl + 1;
    }
    if (start < data.length) {
      const rest = data.length - start;
      pendingBytes += rest;
      if (skipping || pendingBytes > maxLineBytes) {
        skipping = true; // keep counting bytes, drop the data
        pending = [];
      } else {
        // Copy: the caller may reuse the chunk's memory.
        pending.push(Buffer.from(data.subarray(start)));
      }
    }
  }
  if (pendingBytes > 0 || skipping) yield finishLine(Buffer.alloc(0));
}

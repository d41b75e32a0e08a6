// The first bytes of a stream, looked at before it is loaded (recognise-foreign-input.ts), and the
// whole stream again to load from its start: stdin and a request body cannot be read twice.

export interface PeekOptions {
  /** Whether the head read so far decides already (then no more is read before loading starts). */
  enough?: (head: Buffer) => boolean;
  /**
   * A stream that fails while the head is read (a body over the size limit, bad gzip) gives the head
   * read so far, and `input` fails where the stream did: the load reports how far it got, as it would
   * have without the peek. Without it the failure is thrown at once.
   */
  deferErrors?: boolean;
}

/**
 * The first `bytes` of `stream` (fewer when it is shorter, or when `enough` says the head read so far
 * decides), `ended` when that head is the whole stream, and `input`, the whole stream.
 */
export async function peekHead(
  stream: AsyncIterable<Buffer | string>, bytes: number, options: PeekOptions = {},
): Promise<{ head: Buffer; ended: boolean; input: AsyncIterable<Buffer> }> {
  const iterator = stream[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  let ended = false;
  let failure: { error: unknown } | undefined;
  while (size < bytes) {
    let next;
    try {
      next = await iterator.next();
    } catch (error) {
      if (!options.deferErrors) throw error;
      failure = { error };
      break;
    }
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    chunks.push(chunk);
    size += chunk.length;
    if (options.enough?.(Buffer.concat(chunks))) break;
  }
  async function* again(): AsyncGenerator<Buffer> {
    yield* chunks;
    if (failure) throw failure.error;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  return { head: Buffer.concat(chunks).subarray(0, bytes), ended, input: again() };
}

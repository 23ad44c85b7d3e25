import type { ByteStream } from './copyEnds.js';

/**
 * Cuts a stream into pieces of exactly `size` bytes (the last may be shorter), holding at
 * most one piece being filled: what a multipart upload or a chunked write takes.
 */
export async function* inPieces(stream: ByteStream, size: number): AsyncGenerator<Buffer> {
  let held: Buffer[] = [];
  let heldBytes = 0;
  for await (const chunk of stream) {
    let rest = chunk;
    while (heldBytes + rest.length >= size) {
      const take = size - heldBytes;
      held.push(rest.subarray(0, take));
      yield Buffer.concat(held, size);
      rest = rest.subarray(take);
      held = [];
      heldBytes = 0;
    }
    if (rest.length > 0) {
      // A copy: the source may reuse its buffer for the next chunk.
      held.push(Buffer.from(rest));
      heldBytes += rest.length;
    }
  }
  if (heldBytes > 0) yield Buffer.concat(held, heldBytes);
}

/** The whole stream in one buffer (only for files known to be small). */
export async function readAll(stream: ByteStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Nothing: the stream of a file read from its end. */
export async function* noBytes(): AsyncGenerator<Buffer> {}

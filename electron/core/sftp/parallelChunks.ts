import { cancelledError } from '../errors.js';
import { allWorkers } from '../lib/eachLimited.js';

export interface ParallelChunksOptions {
  /** First byte to move (a resume offset) and the end (the file size). */
  start: number;
  end: number;
  chunkSize: number;
  /** Chunks in flight at once; each worker owns one reused buffer. */
  concurrency: number;
  signal: AbortSignal;
  onProgress: (bytesDone: number) => void;
  /** Moves bytes [position, position + length) through `buffer` (length <= buffer.length); `worker` is 0 to concurrency - 1. */
  moveChunk: (buffer: Buffer, position: number, length: number, worker: number) => Promise<void>;
}

/**
 * Moves a byte range in fixed-size chunks with many requests in flight, like ssh2's
 * fastGet/fastPut but with cancellation and without their per-chunk buffer allocations.
 * Progress counts finished chunks (plus `start`), so it only ever grows.
 * After the first chunk fails no chunk starts, and it rejects with that error once the
 * chunks in flight have ended, so the caller may close the file at once. An abort rejects
 * as `cancelled` without waiting: a chunk stuck on a dead link must not hold up a cancel.
 */
export async function moveInParallelChunks(options: ParallelChunksOptions): Promise<void> {
  const { start, end, chunkSize, signal, onProgress, moveChunk } = options;
  if (signal.aborted) throw cancelledError();
  const chunkCount = Math.ceil((end - start) / chunkSize);
  const workers = chunkCount === 0 ? 0 : Math.max(1, Math.min(options.concurrency, chunkCount));
  let next = start;
  let done = start;
  let started = 0;

  const moved = allWorkers(workers, async (stopped) => {
    const worker = started++;
    const buffer = Buffer.allocUnsafe(Math.min(chunkSize, end - start));
    while (!stopped() && !signal.aborted && next < end) {
      const position = next;
      const length = Math.min(chunkSize, end - position);
      next += length;
      await moveChunk(buffer, position, length, worker);
      if (signal.aborted) return;
      done += length;
      onProgress(done);
    }
  });
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(cancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([moved, aborted]);
  } catch (error) {
    throw signal.aborted ? cancelledError() : error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  if (signal.aborted) throw cancelledError();
}

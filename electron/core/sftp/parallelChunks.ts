import { cancelledError } from './sftpErrors.js';

export interface ParallelChunksOptions {
  /** First byte to move (a resume offset) and the end (the file size). */
  start: number;
  end: number;
  chunkSize: number;
  /** Chunks in flight at once; each worker owns one reused buffer. */
  concurrency: number;
  signal: AbortSignal;
  onProgress: (bytesDone: number) => void;
  /** Moves bytes [position, position + length) through `buffer` (length <= buffer.length). */
  moveChunk: (buffer: Buffer, position: number, length: number) => Promise<void>;
}

/**
 * Moves a byte range in fixed-size chunks with many requests in flight, like ssh2's
 * fastGet/fastPut but with cancellation and without their per-chunk buffer allocations.
 * Progress counts finished chunks (plus `start`), so it only ever grows.
 * Rejects with the first chunk's error, or a `cancelled` AppError as soon as `signal` aborts.
 */
export function moveInParallelChunks(options: ParallelChunksOptions): Promise<void> {
  const { start, end, chunkSize, signal, onProgress, moveChunk } = options;
  if (signal.aborted) return Promise.reject(cancelledError());
  const chunkCount = Math.ceil((end - start) / chunkSize);
  const workers = Math.max(1, Math.min(options.concurrency, chunkCount));
  let next = start;
  let done = start;
  let failed = false;

  const work = async () => {
    const buffer = Buffer.allocUnsafe(Math.min(chunkSize, end - start));
    while (!failed && !signal.aborted && next < end) {
      const position = next;
      const length = Math.min(chunkSize, end - position);
      next += length;
      await moveChunk(buffer, position, length);
      if (signal.aborted) return;
      done += length;
      onProgress(done);
    }
  };

  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      failed = true;
      reject(cancelledError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const running = chunkCount === 0 ? [] : Array.from({ length: workers }, work);
    Promise.all(running).then(
      () => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) reject(cancelledError());
        else resolve();
      },
      (error: unknown) => {
        failed = true;
        signal.removeEventListener('abort', onAbort);
        reject(signal.aborted ? cancelledError() : error);
      },
    );
  });
}

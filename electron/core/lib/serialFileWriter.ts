import type { FileHandle } from 'node:fs/promises';
import { codedError } from '../errors.js';

/**
 * Positional writes to one file, one at a time, in the order they were asked for.
 * A parallel download lands pieces of one file from several requests at once; written
 * together, they queue on the file's lock in the kernel and the waiting threads spin, at
 * several times the system CPU. One writer fills the page cache far faster than a network can.
 */
export class SerialFileWriter {
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly file: FileHandle) {}

  /** Writes `length` bytes of `buffer` at `position` once the writes asked for before are done. */
  write(buffer: Buffer, length: number, position: number): Promise<void> {
    const next = this.last.then(() => writeFully(this.file, buffer, length, position));
    this.last = next.catch(() => undefined);
    return next;
  }
}

/**
 * The most one write call hands the kernel. Linux (6.x) backs a larger buffered write with
 * large page-cache folios, and on a VM that returns free memory to its host (free page
 * reporting) those come from memory the host must fault in again, at several times the
 * system CPU of smaller calls (figures in tests/bench/BENCHMARKS.md).
 */
export const maxWriteCall = 256 * 1024;

/** Writes all `length` bytes at `position`: a file system may take fewer than asked in one call. */
async function writeFully(file: FileHandle, buffer: Buffer, length: number, position: number): Promise<void> {
  for (let put = 0; put < length; ) {
    const { bytesWritten } = await file.write(buffer, put, Math.min(maxWriteCall, length - put), position + put);
    if (bytesWritten === 0) throw codedError('conflict', 'coreIpc:diskStopped');
    put += bytesWritten;
  }
}

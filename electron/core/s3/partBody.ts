import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { AppError } from '../errors.js';
import type { PartRange } from './multipartPlan.js';

/** Read-ahead per part in flight: what a part costs in memory instead of its whole size. */
const readChunk = 512 * 1024;

/**
 * One part of an open file as a request body, read positionally as the socket takes it,
 * so memory is the read-ahead, not the part size, and parts in flight share one handle.
 * (fs.ReadStream on a shared fd would close that fd on any error.) The MD5 is taken in
 * passing, when asked, to check the server's ETag afterwards; a file that got shorter
 * fails the body instead of leaving the request waiting.
 */
export class PartBody extends Readable {
  private position: number;
  private readonly end: number;
  private readonly md5: Hash | undefined;

  constructor(
    private readonly file: FileHandle,
    part: PartRange,
    hash: boolean,
  ) {
    super({ highWaterMark: readChunk });
    this.position = part.offset;
    this.end = part.offset + part.length;
    this.md5 = hash ? createHash('md5') : undefined;
  }

  /** The hex MD5 of what was sent (call once the request is done). */
  digest(): string | undefined {
    return this.md5?.digest('hex');
  }

  override _read(): void {
    const wanted = Math.min(readChunk, this.end - this.position);
    if (wanted <= 0) {
      this.push(null);
      return;
    }
    const buffer = Buffer.allocUnsafe(wanted);
    this.file.read(buffer, 0, wanted, this.position).then(
      ({ bytesRead }) => {
        if (bytesRead === 0) {
          this.destroy(new AppError('conflict', 'The file got shorter while it was being uploaded.'));
          return;
        }
        const chunk = bytesRead === wanted ? buffer : buffer.subarray(0, bytesRead);
        this.position += bytesRead;
        this.md5?.update(chunk);
        this.push(chunk);
      },
      (error: unknown) => this.destroy(error as Error),
    );
  }
}

import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { codedError } from '../errors.js';
import type { PartRange } from './multipartPlan.js';
import { crc32Value } from './objectChecksums.js';

/** Read-ahead per part in flight: what a part costs in memory instead of its whole size. */
export const readChunk = 512 * 1024;

/**
 * The read buffers of one upload, shared by its parts. A buffer comes back only once the
 * socket is done with it, so an upload reuses a few buffers instead of leaving every chunk
 * it reads as garbage that V8 frees late.
 */
export class ReadBufferPool {
  private readonly free: Buffer[] = [];

  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(readChunk);
  }

  give(buffers: Buffer[]): void {
    this.free.push(...buffers);
  }
}

interface Sink {
  readonly writableLength: number;
}

/** A destination that says how many bytes it still holds (a Node Writable, as the SDK's request is). */
function countsWhatItHolds(destination: object): destination is Sink {
  return typeof (destination as Partial<Sink>).writableLength === 'number';
}

/** How a part's bytes are paced and counted as they stream (the queue's bandwidth limit and progress). */
export interface PartFlow {
  /** Resolves when this many more bytes may be read and sent. */
  throttle(bytes: number): Promise<void>;
  /** This many more bytes went into the request. */
  onRead(bytes: number): void;
}

/**
 * One part of an open file as a request body, read positionally as the socket takes it,
 * so memory is the read-ahead, not the part size, and parts in flight share one handle.
 * (fs.ReadStream on a shared fd would close that fd on any error.) The MD5 (or, for a
 * directory bucket, whose ETags are not MD5s, the CRC32) is taken in passing, when asked, to
 * check the server's answer afterwards; a file that got shorter
 * fails the body instead of leaving the request waiting.
 *
 * With a pool, and piped straight into one request, the body reads into pooled buffers and
 * hands each back once the request has written it: the bytes pushed, less those still in
 * this stream and in the request (its socket counts a write until the write completes),
 * have left the process. Read any other way, it allocates a buffer per chunk.
 *
 * With a flow, each chunk waits for the bandwidth limit before it is read and is counted as
 * it goes into the request, so progress moves with the bytes, not a part at a time.
 */
export class PartBody extends Readable {
  private position: number;
  private readonly end: number;
  private readonly md5: Hash | undefined;
  private crc: number | undefined;
  private sink: Sink | undefined;
  private piped = false;
  private pushed = 0;
  private readonly unsent: { buffer: Buffer; end: number }[] = [];

  constructor(
    private readonly file: FileHandle,
    part: PartRange,
    hash: boolean | 'crc32',
    private readonly pool?: ReadBufferPool,
    private readonly flow?: PartFlow,
  ) {
    super({ highWaterMark: readChunk });
    this.position = part.offset;
    this.end = part.offset + part.length;
    this.md5 = hash === true ? createHash('md5') : undefined;
    this.crc = hash === 'crc32' ? 0 : undefined;
  }

  /** The hex MD5 of what was sent (call once the request is done). */
  digest(): string | undefined {
    return this.md5?.digest('hex');
  }

  /** The base64 CRC32 of what was sent, as S3 answers it (call once the request is done). */
  crc32(): string | undefined {
    return this.crc === undefined ? undefined : crc32Value(this.crc);
  }

  /** Call once the server has answered the request with success: it has every byte, so no buffer is in use. */
  recycle(): void {
    this.giveBack(this.unsent.length);
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    // Only a first pipe, with nobody else reading, can tell when its bytes have been sent.
    const alone = !this.piped && this.listenerCount('data') === 0 && this.listenerCount('readable') === 0;
    this.piped = true;
    this.sink = alone && countsWhatItHolds(destination) ? destination : undefined;
    return super.pipe(destination, options);
  }

  override _read(): void {
    const wanted = Math.min(readChunk, this.end - this.position);
    if (wanted <= 0) {
      this.push(null);
      return;
    }
    if (!this.flow) {
      this.readChunk(wanted);
      return;
    }
    this.flow.throttle(wanted).then(
      () => this.readChunk(wanted),
      // Stopped while waiting (the upload was paused or cancelled, so its request is aborted
      // too): a body piped into a request has nobody listening for its errors.
      (error: unknown) => (this.listenerCount('error') > 0 ? this.destroy(error as Error) : this.destroy()),
    );
  }

  private readChunk(wanted: number): void {
    if (this.destroyed) return;
    const pooled = this.reusable();
    const buffer = pooled ? this.takeBuffer() : Buffer.allocUnsafe(wanted);
    this.file.read(buffer, 0, wanted, this.position).then(
      ({ bytesRead }) => {
        if (this.destroyed) return; // its request is over: these bytes go nowhere
        if (bytesRead === 0) {
          this.destroy(codedError('conflict', 'coreS3:transfer.fileShrank'));
          return;
        }
        const chunk = bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
        this.position += bytesRead;
        this.pushed += bytesRead;
        if (pooled) this.unsent.push({ buffer, end: this.pushed });
        this.md5?.update(chunk);
        if (this.crc !== undefined) this.crc = crc32(chunk, this.crc);
        this.flow?.onRead(bytesRead);
        this.push(chunk);
      },
      (error: unknown) => {
        if (!this.destroyed) this.destroy(error as Error);
      },
    );
  }

  /**
   * Only while the request's pipe is the one reader: the SDK's aws-chunked encoding (an
   * upload with a trailing checksum) pipes the body into its hasher and also reads it with a
   * 'data' listener of its own, holding chunks the hasher is already done with.
   */
  private reusable(): boolean {
    return this.pool !== undefined && this.sink !== undefined && this.listenerCount('data') === 1;
  }

  private takeBuffer(): Buffer {
    const sent = this.pushed - this.readableLength - this.sink!.writableLength;
    let done = 0;
    while (done < this.unsent.length && this.unsent[done]!.end <= sent) done++;
    this.giveBack(done);
    return this.pool!.take();
  }

  /** Returns the first `count` buffers pushed (those the request is done with) to the pool. */
  private giveBack(count: number): void {
    this.pool?.give(this.unsent.splice(0, count).map((u) => u.buffer));
  }
}

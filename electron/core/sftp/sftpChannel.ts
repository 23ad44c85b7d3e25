import type { FileEntryWithStats, InputAttributes, OpenMode, SFTPWrapper, Stats } from 'ssh2';
import { SftpStatus } from './sftpErrors.js';
import type {} from './ssh2Internals.js';

/** Used when a server advertises no limits (ssh2's own conservative default). */
const FALLBACK_MAX_LEN = 32 * 1024;

/** Promise wrappers around one ssh2 SFTP channel, and what the server said it supports. */
export class SftpChannel {
  private isClosed = false;
  /** Rejecters of the requests still waiting for an answer. */
  private readonly pending = new Set<(error: Error) => void>();

  constructor(readonly raw: SFTPWrapper) {
    // When the connection dies under it, ssh2 does not always answer the requests it had
    // queued (seen with a server killed mid-upload): they would wait forever. Fail them.
    const lost = () => {
      this.isClosed = true;
      const error = new Error('No response from server');
      for (const reject of [...this.pending]) reject(error);
    };
    raw.on('close', lost);
    raw.on('end', lost);
    // ssh2 emits 'error' on protocol faults; without a listener Node would throw.
    raw.on('error', lost);
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Largest READ the server answers in full (OpenSSH 9: 255 KiB, via limits@openssh.com). */
  get maxReadLength(): number {
    return positive(this.raw._maxReadLen) ?? FALLBACK_MAX_LEN;
  }

  get maxWriteLength(): number {
    return positive(this.raw._maxWriteLen) ?? FALLBACK_MAX_LEN;
  }

  hasExtension(name: string): boolean {
    return this.raw._extensions?.[name] !== undefined;
  }

  end(): void {
    this.isClosed = true;
    this.raw.end();
  }

  opendir(path: string): Promise<Buffer> {
    return this.call((cb) => this.raw.opendir(path, cb));
  }

  /** One server batch of entries, or `null` at the end of the folder. */
  readdir(handle: Buffer): Promise<FileEntryWithStats[] | null> {
    return this.call<FileEntryWithStats[]>((cb) => this.raw.readdir(handle, cb)).catch((err: unknown) => {
      if ((err as { code?: unknown }).code === SftpStatus.EOF) return null;
      throw err;
    });
  }

  close(handle: Buffer): Promise<void> {
    return this.call<void>((cb) => this.raw.close(handle, cb));
  }

  stat(path: string): Promise<Stats> {
    return this.call((cb) => this.raw.stat(path, cb));
  }

  lstat(path: string): Promise<Stats> {
    return this.call((cb) => this.raw.lstat(path, cb));
  }

  fstat(handle: Buffer): Promise<Stats> {
    return this.call((cb) => this.raw.fstat(handle, cb));
  }

  readlink(path: string): Promise<string> {
    return this.call((cb) => this.raw.readlink(path, cb));
  }

  realpath(path: string): Promise<string> {
    return this.call((cb) => this.raw.realpath(path, cb));
  }

  mkdir(path: string): Promise<void> {
    return this.call<void>((cb) => this.raw.mkdir(path, cb));
  }

  rmdir(path: string): Promise<void> {
    return this.call<void>((cb) => this.raw.rmdir(path, cb));
  }

  unlink(path: string): Promise<void> {
    return this.call<void>((cb) => this.raw.unlink(path, cb));
  }

  rename(from: string, to: string): Promise<void> {
    return this.call<void>((cb) => this.raw.rename(from, to, cb));
  }

  /** rename(2) semantics: replaces `to` atomically (posix-rename@openssh.com). */
  posixRename(from: string, to: string): Promise<void> {
    return this.call<void>((cb) => this.raw.ext_openssh_rename(from, to, cb));
  }

  open(path: string, flags: OpenMode, attrs?: InputAttributes): Promise<Buffer> {
    return this.call((cb) =>
      attrs ? this.raw.open(path, flags, attrs, cb) : this.raw.open(path, flags, cb),
    );
  }

  /** Creates `linkPath` pointing at `target` (ssh2 swaps the fields for OpenSSH's reversed order). */
  symlink(target: string, linkPath: string): Promise<void> {
    return this.call<void>((cb) => this.raw.symlink(target, linkPath, cb));
  }

  /** Server-side copy of a whole file between two handles (`copy-data`; length 0 = to the end). */
  copyData(from: Buffer, to: Buffer): Promise<void> {
    return this.call<void>((cb) => this.raw.ext_copy_data(from, 0, 0, to, 0, cb));
  }

  setstat(path: string, attrs: InputAttributes): Promise<void> {
    return this.call<void>((cb) => this.raw.setstat(path, attrs, cb));
  }

  fsetstat(handle: Buffer, attrs: InputAttributes): Promise<void> {
    return this.call<void>((cb) => this.raw.fsetstat(handle, attrs, cb));
  }

  /** Bytes read into `buffer` at `offset`; 0 means end of file. May be short. */
  read(handle: Buffer, buffer: Buffer, offset: number, length: number, position: number): Promise<number> {
    return this.call<number | undefined>((cb) => this.raw.read(handle, buffer, offset, length, position, cb)).then((n) => n ?? 0);
  }

  /**
   * With `length` <= maxWriteLength ssh2 copies `buffer` into its packet before returning,
   * so the buffer may be reused at once (longer writes are split and read it later).
   */
  write(handle: Buffer, buffer: Buffer, offset: number, length: number, position: number): Promise<void> {
    return this.call<void>((cb) => this.raw.write(handle, buffer, offset, length, position, cb));
  }

  /** One request as a promise that also fails if the channel dies before the answer. */
  private call<T>(start: (cb: (err: Error | undefined | null, value: T) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.isClosed) {
        reject(new Error('No response from server'));
        return;
      }
      const fail = (error: Error) => {
        this.pending.delete(fail);
        reject(error);
      };
      this.pending.add(fail);
      start((err, value) => {
        this.pending.delete(fail);
        if (err) reject(err);
        else resolve(value);
      });
    });
  }
}

function positive(value: number | undefined): number | undefined {
  return typeof value === 'number' && value > 0 ? value : undefined;
}


import type { FileEntry } from '../../../shared/files.js';
import type { SftpChannel } from './sftpChannel.js';
import { entryFromAttrs, entryPath, resolveSymlink } from './sftpEntries.js';

/**
 * READDIR requests kept in flight on one handle. Each answer is the next server batch
 * (OpenSSH: up to 100 names), so on a high-latency link a 1,000-entry page costs about
 * 10 / depth round trips instead of 10. Answers are consumed in the order sent.
 */
const READDIR_DEPTH = 4;

/** One open directory handle, read a page at a time. */
export class DirectoryReader {
  private readonly pending: FileEntry[] = [];
  private readonly inflight: Promise<FileEntry[] | null>[] = [];
  private endSeen = false;
  private closed = false;

  constructor(
    readonly path: string,
    private readonly channel: SftpChannel,
    private readonly handle: Buffer,
  ) {}

  static async open(channel: SftpChannel, path: string): Promise<DirectoryReader> {
    return new DirectoryReader(path, channel, await channel.opendir(path));
  }

  /** Up to `pageSize` entries; `done` once the folder is exhausted (the handle is then closed). */
  async nextPage(pageSize: number): Promise<{ entries: FileEntry[]; done: boolean }> {
    while (this.pending.length < pageSize) {
      while (!this.endSeen && this.inflight.length < READDIR_DEPTH) this.inflight.push(this.readBatch());
      const next = this.inflight.shift();
      if (!next) break;
      const batch = await next;
      if (batch === null) this.endSeen = true;
      else this.pending.push(...batch);
    }
    const entries = this.pending.splice(0, pageSize);
    const done = this.endSeen && this.inflight.length === 0 && this.pending.length === 0;
    if (done) await this.close();
    return { entries, done };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled(this.inflight);
    if (!this.channel.closed) await this.channel.close(this.handle).catch(() => undefined);
  }

  private readBatch(): Promise<FileEntry[] | null> {
    const batch = this.channel.readdir(this.handle).then((list) => {
      if (list === null) return null;
      const rows = list
        .filter((item) => item.filename !== '.' && item.filename !== '..')
        .map((item) => entryFromAttrs(entryPath(this.path, item.filename), item.filename, item.attrs, item.longname));
      return Promise.all(rows.map((row) => resolveSymlink(this.channel, row)));
    });
    // Awaited later (or never, if the cursor is dropped): keep Node from calling it unhandled.
    batch.catch(() => undefined);
    return batch;
  }
}

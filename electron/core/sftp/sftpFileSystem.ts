import { randomBytes } from 'node:crypto';
import type { DeleteReport, FileEntry, ListPage, TreeSummary } from '../../../shared/files.js';
import type { ChmodReport } from '../../../shared/contract/sftp.js';
import { baseName, parentPath, trimSftpPath } from '../../../shared/paths.js';
import type { RemoteFileSystem } from '../fs/remoteFileSystem.js';
import { codedError } from '../errors.js';
import { DirectoryReader } from './directoryReader.js';
import type { SftpChannelPool } from './sftpChannelPool.js';
import { entryFromAttrs, entryPath, resolveSymlink } from './sftpEntries.js';
import { remoteError, SftpStatus, sftpStatusOf } from './sftpErrors.js';
import { copyTree } from './sftpCopy.js';
import { chmodTree } from './sftpChmod.js';
import type { SftpChannel } from './sftpChannel.js';
import { deleteTree, lstatOrNothing, refuseIntoItself, summarizeTree } from './sftpTree.js';

export interface SftpFileSystemOptions {
  /** Entries per page (a page may be this or fewer). */
  pageSize?: number;
  /** An unfinished listing's directory handle is closed after this long unused. */
  cursorIdleMs?: number;
  /** Unfinished listings kept open at once; the oldest is closed beyond this. */
  maxOpenCursors?: number;
}

interface OpenCursor {
  reader: DirectoryReader;
  timer: NodeJS.Timeout;
}

export class SftpFileSystem implements RemoteFileSystem {
  readonly protocol = 'sftp' as const;
  private readonly cursors = new Map<string, OpenCursor>();
  private readonly pageSize: number;
  private readonly cursorIdleMs: number;
  private readonly maxOpenCursors: number;

  constructor(
    private readonly channels: SftpChannelPool,
    readonly homePath: string,
    options: SftpFileSystemOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 1000;
    this.cursorIdleMs = options.cursorIdleMs ?? 60_000;
    this.maxOpenCursors = options.maxOpenCursors ?? 16;
  }

  async list(path: string, cursor?: string): Promise<ListPage> {
    const folder = normalizePath(path);
    let reader: DirectoryReader;
    if (cursor !== undefined) {
      const open = this.cursors.get(cursor);
      if (!open) throw codedError('invalidInput', 'coreSftp:listingExpired');
      if (open.reader.path !== folder) throw codedError('invalidInput', 'coreSftp:pageElsewhere', { page: open.reader.path, folder });
      this.cursors.delete(cursor);
      clearTimeout(open.timer);
      reader = open.reader;
    } else {
      try {
        reader = await DirectoryReader.open(await this.channels.browse(), folder);
      } catch (error) {
        throw remoteError(error, folder);
      }
    }

    try {
      const { entries, done } = await reader.nextPage(this.pageSize);
      if (done) return { entries };
      return { entries, nextCursor: this.keep(reader) };
    } catch (error) {
      void reader.close();
      throw remoteError(error, folder);
    }
  }

  async stat(path: string): Promise<FileEntry> {
    const target = normalizePath(path);
    try {
      const channel = await this.channels.browse();
      const attrs = await channel.lstat(target);
      const name = target === '/' ? '/' : baseName(target);
      return await resolveSymlink(channel, entryFromAttrs(target, name, attrs));
    } catch (error) {
      throw remoteError(error, target);
    }
  }

  async mkdir(folder: string, name: string): Promise<FileEntry> {
    checkName(name);
    const target = entryPath(normalizePath(folder), name);
    const channel = await this.channels.browse().catch((error) => {
      throw remoteError(error, target);
    });
    try {
      await channel.mkdir(target);
    } catch (error) {
      // OpenSSH answers a plain FAILURE when the name is taken.
      if (sftpStatusOf(error) === SftpStatus.FAILURE && (await channel.lstat(target).catch(() => undefined))) {
        throw codedError('conflict', 'coreSftp:exists', { name, folder: normalizePath(folder) }, error);
      }
      throw remoteError(error, target);
    }
    return this.stat(target);
  }

  async summarize(paths: string[], signal?: AbortSignal): Promise<TreeSummary> {
    const targets = paths.map(normalizePath);
    return this.withWorkChannel(targets[0], (channel) => summarizeTree(channel, targets, signal));
  }

  async delete(paths: string[], onProgress?: (deleted: number) => void, signal?: AbortSignal): Promise<DeleteReport> {
    const targets = paths.map(normalizePath);
    return this.withWorkChannel(targets[0], (channel) => deleteTree(channel, targets, onProgress, signal));
  }

  async rename(from: string, to: string, onProgress?: (done: number) => void): Promise<void> {
    const [source, target] = [normalizePath(from), normalizePath(to)];
    if (source === target) return;
    refuseIntoItself(source, target, 'move');
    const channel = await this.channels.browse().catch((error) => {
      throw remoteError(error, source);
    });
    await this.refuseExisting(channel, target);
    try {
      // Plain SFTP rename never replaces an existing name (posix-rename would).
      await channel.rename(source, target);
    } catch (error) {
      throw remoteError(error, source);
    }
    onProgress?.(1);
  }

  async copy(from: string, to: string, onProgress?: (done: number) => void, signal?: AbortSignal): Promise<void> {
    const [source, target] = [normalizePath(from), normalizePath(to)];
    refuseIntoItself(source, target, 'copy');
    await this.withWorkChannel(source, async (channel) => {
      await this.refuseExisting(channel, target);
      await copyTree(channel, source, target, onProgress, signal);
    });
  }

  /** Creates an empty file; never replaces an existing one. */
  async createFile(folder: string, name: string): Promise<FileEntry> {
    checkName(name, 'file');
    const target = entryPath(normalizePath(folder), name);
    const channel = await this.channels.browse().catch((error) => {
      throw remoteError(error, target);
    });
    try {
      await channel.close(await channel.open(target, 'wx', { mode: 0o644 }));
    } catch (error) {
      if (sftpStatusOf(error) === SftpStatus.FAILURE && (await lstatOrNothing(channel, target))) {
        throw codedError('conflict', 'coreSftp:exists', { name, folder: normalizePath(folder) }, error);
      }
      throw remoteError(error, target);
    }
    return this.stat(target);
  }

  /**
   * Creates a symbolic link `name` in `folder` pointing at `target` (kept as typed: relative
   * targets stay relative). Never replaces an existing name; the target need not exist.
   * (ssh2 swaps the two paths for OpenSSH, whose server reads SSH_FXP_SYMLINK's the other way round.)
   */
  async createSymlink(folder: string, name: string, target: string): Promise<FileEntry> {
    checkName(name, 'link');
    if (target === '' || target.includes('\0')) throw codedError('invalidInput', 'coreSftp:enterTarget');
    const linkPath = entryPath(normalizePath(folder), name);
    const channel = await this.channels.browse().catch((error) => {
      throw remoteError(error, linkPath);
    });
    if (await lstatOrNothing(channel, linkPath)) {
      throw codedError('conflict', 'coreSftp:exists', { name, folder: normalizePath(folder) });
    }
    try {
      await channel.symlink(target, linkPath);
    } catch (error) {
      throw remoteError(error, linkPath);
    }
    return this.stat(linkPath);
  }

  /** Changes permission bits; `recursive` also applies them to everything inside a folder. */
  async chmod(path: string, mode: number, recursive = false, signal?: AbortSignal): Promise<ChmodReport> {
    const target = normalizePath(path);
    return this.withWorkChannel(target, (channel) => chmodTree(channel, target, mode, recursive, signal));
  }

  /** Long tree operations run on a channel of their own so browsing stays responsive. */
  private async withWorkChannel<T>(path: string | undefined, work: (channel: SftpChannel) => Promise<T>): Promise<T> {
    const channel = await this.channels.acquire().catch((error) => {
      throw remoteError(error, path);
    });
    let ok = false;
    try {
      const result = await work(channel);
      ok = true;
      return result;
    } catch (error) {
      throw remoteError(error, path);
    } finally {
      this.channels.release(channel, ok);
    }
  }

  private async refuseExisting(channel: SftpChannel, target: string): Promise<void> {
    if (await lstatOrNothing(channel, target)) {
      throw codedError('conflict', 'coreSftp:exists', { name: baseName(target), folder: parentPath('sftp', target) ?? '/' });
    }
  }

  /** Closes every unfinished listing (the session is going away). */
  async closeCursors(): Promise<void> {
    const open = [...this.cursors.values()];
    this.cursors.clear();
    for (const { timer } of open) clearTimeout(timer);
    await Promise.allSettled(open.map(({ reader }) => reader.close()));
  }

  private keep(reader: DirectoryReader): string {
    const id = randomBytes(16).toString('base64url');
    const timer = setTimeout(() => this.drop(id), this.cursorIdleMs);
    timer.unref();
    this.cursors.set(id, { reader, timer });
    if (this.cursors.size > this.maxOpenCursors) this.drop(this.cursors.keys().next().value!);
    return id;
  }

  private drop(id: string): void {
    const open = this.cursors.get(id);
    if (!open) return;
    this.cursors.delete(id);
    clearTimeout(open.timer);
    void open.reader.close();
  }
}

/** The path the window sent, refused unless it is absolute, then without a trailing slash (except `/`). */
function normalizePath(path: string): string {
  if (!path.startsWith('/') || path.includes('\0')) {
    throw codedError('invalidInput', 'coreSftp:notAbsolute', { path: JSON.stringify(path) });
  }
  return trimSftpPath(path);
}

/** The sentences of a refused name, by what is being named. */
const nameSentences = {
  folder: { empty: 'coreSftp:enterName.folder', slash: 'coreSftp:nameSlash.folder' },
  file: { empty: 'coreSftp:enterName.file', slash: 'coreSftp:nameSlash.file' },
  link: { empty: 'coreSftp:enterName.link', slash: 'coreSftp:nameSlash.link' },
};

function checkName(name: string, noun: keyof typeof nameSentences = 'folder'): void {
  if (name === '' || name === '.' || name === '..') throw codedError('invalidInput', nameSentences[noun].empty);
  if (name.includes('/') || name.includes('\0')) {
    throw codedError('invalidInput', nameSentences[noun].slash);
  }
}

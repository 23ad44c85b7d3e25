/**
 * The local disk behind the same browser model as S3 and SFTP (`RemoteFileSystem`), over
 * node:fs. Links are listed as links (where they point, and what is there) and never followed
 * by a walk: a delete removes the link, a copy copies the link.
 */
import type { Stats } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { homedir } from 'node:os';
import type { DeleteReport, FileEntry, ListPage, TreeSummary } from '../../../shared/files.js';
import { codedError, isAppError, throwIfAborted, translateNodeError, type AppError } from '../errors.js';
import { eachLimited } from '../lib/eachLimited.js';
import type { RemoteFileSystem } from '../fs/remoteFileSystem.js';
import { driveOf } from '../../../shared/localDisk.js';
import { fromNative, hostPlatform, isSameOrInside, localChild, normalizeLocalPath, toNative, type LocalPlatform } from './localPaths.js';

/** Entries examined at once while listing or walking a folder. */
const PARALLEL = 16;

/** A Node error explained, with the browser path rather than the native one. */
function localError(error: unknown, path: string): AppError {
  if (isAppError(error)) return error;
  const code = (error as { code?: string } | null)?.code;
  if (code === 'EEXIST' || code === 'ERR_FS_CP_EEXIST') return codedError('conflict', 'coreLocal:existsAt', { path }, error);
  if (code === 'ENOTDIR') return codedError('invalidInput', 'coreLocal:notAFolder', { path }, error);
  if (code === 'ENOTEMPTY') return codedError('conflict', 'coreLocal:notEmpty', { path }, error);
  const known = translateNodeError(Object.assign(new Error((error as Error)?.message), { code, path }));
  return known ?? codedError('internal', 'coreLocal:failed', { path, detail: (error as Error)?.message ?? String(error) }, error);
}

const kindOf = (stats: Stats): FileEntry['kind'] => (stats.isSymbolicLink() ? 'symlink' : stats.isDirectory() ? 'folder' : 'file');

export class LocalFileSystem implements RemoteFileSystem {
  readonly protocol = 'local' as const;
  readonly homePath: string;

  constructor(
    home: string = homedir(),
    private readonly platform: LocalPlatform = hostPlatform(),
  ) {
    this.homePath = fromNative(home, platform);
  }

  async list(path: string): Promise<ListPage> {
    const folder = normalizeLocalPath(path);
    const native = this.native(folder);
    if (native === undefined) return { entries: await this.drives() };
    let names: string[];
    try {
      names = await fsp.readdir(native);
    } catch (error) {
      throw localError(error, folder);
    }
    const entries: FileEntry[] = [];
    await eachLimited(names, PARALLEL, async (name) => {
      // A name that vanished between readdir and lstat is simply not listed.
      const entry = await this.entryAt(localChild(folder, name)).catch(() => undefined);
      if (entry) entries.push(entry);
    });
    return { entries };
  }

  async stat(path: string): Promise<FileEntry> {
    const target = normalizeLocalPath(path);
    if (this.native(target) === undefined) return { name: '/', path: '/', kind: 'folder' };
    try {
      return await this.entryAt(target);
    } catch (error) {
      throw localError(error, target);
    }
  }

  async mkdir(parentPath: string, name: string): Promise<FileEntry> {
    const folder = normalizeLocalPath(parentPath);
    this.checkName(name);
    const target = localChild(folder, name);
    this.refuseAtTop(target);
    try {
      await fsp.mkdir(this.nativeOf(target));
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST') throw codedError('conflict', 'coreLocal:exists', { name, folder }, error);
      throw localError(error, target);
    }
    return this.stat(target);
  }

  async summarize(paths: string[], signal?: AbortSignal): Promise<TreeSummary> {
    const summary: TreeSummary = { files: 0, folders: 0, bytes: 0 };
    const visit = async (path: string, stats: Stats): Promise<void> => {
      throwIfAborted(signal);
      if (!stats.isDirectory()) {
        summary.files++;
        summary.bytes += stats.size;
        return;
      }
      summary.folders++;
      const names = await fsp.readdir(this.nativeOf(path)).catch((error: unknown) => {
        throw localError(error, path);
      });
      await eachLimited(names, PARALLEL, async (name) => {
        const child = localChild(path, name);
        await visit(child, await fsp.lstat(this.nativeOf(child)));
      });
    };
    for (const raw of paths) {
      const path = normalizeLocalPath(raw);
      const stats = await fsp.lstat(this.nativeOf(path)).catch((error: unknown) => {
        throw localError(error, path);
      });
      await visit(path, stats);
    }
    return summary;
  }

  /** Depth first; a failure is reported per item and the rest goes on; a folder not emptied stays. */
  async delete(paths: string[], onProgress?: (deleted: number) => void, signal?: AbortSignal): Promise<DeleteReport> {
    const report: DeleteReport = { deleted: 0, failed: [] };
    const fail = (path: string, error: unknown) => {
      const explained = localError(error, path);
      report.failed.push({ path, message: explained.message, ...(explained.code && { code: explained.code }), ...(explained.params && { params: explained.params }) });
      return false;
    };
    const done = () => {
      report.deleted++;
      onProgress?.(report.deleted);
      return true;
    };
    const remove = async (path: string, stats: Stats): Promise<boolean> => {
      throwIfAborted(signal);
      const native = this.nativeOf(path);
      if (!stats.isDirectory()) return fsp.unlink(native).then(done, (error: unknown) => fail(path, error));
      let names: string[];
      try {
        names = await fsp.readdir(native);
      } catch (error) {
        return fail(path, error);
      }
      let allGone = true;
      await eachLimited(names, PARALLEL, async (name) => {
        const child = localChild(path, name);
        const childStats = await fsp.lstat(this.nativeOf(child)).catch((error: unknown) => {
          fail(child, error);
          return undefined;
        });
        if (!childStats || !(await remove(child, childStats))) allGone = false;
      });
      if (!allGone) return false;
      throwIfAborted(signal);
      return fsp.rmdir(native).then(done, (error: unknown) => fail(path, error));
    };
    for (const raw of paths) {
      const path = normalizeLocalPath(raw);
      if (path === '/' || this.isDriveRoot(path)) {
        fail(path, codedError('conflict', 'coreLocal:rootNotDeleted'));
        continue;
      }
      const stats = await fsp.lstat(this.nativeOf(path)).catch((error: unknown) => {
        fail(path, error);
        return undefined;
      });
      if (stats) await remove(path, stats);
    }
    return report;
  }

  async rename(from: string, to: string, onProgress?: (done: number) => void, signal?: AbortSignal): Promise<void> {
    const [source, target] = [normalizeLocalPath(from), normalizeLocalPath(to)];
    if (source === target) return;
    this.refuseTreeChange(source, target, 'move');
    await this.refuseExisting(target);
    try {
      await fsp.rename(this.nativeOf(source), this.nativeOf(target));
      onProgress?.(1);
    } catch (error) {
      if ((error as { code?: string }).code !== 'EXDEV') throw localError(error, source);
      // Another disk: copy, then delete what was copied.
      await this.copy(source, target, onProgress, signal);
      const report = await this.delete([source], undefined, signal);
      const first = report.failed[0];
      if (first) throw codedError('permission', 'coreLocal:movedButKept', { path: source, detail: first.message });
    }
  }

  async copy(from: string, to: string, onProgress?: (done: number) => void, signal?: AbortSignal): Promise<void> {
    const [source, target] = [normalizeLocalPath(from), normalizeLocalPath(to)];
    this.refuseTreeChange(source, target, 'copy');
    await this.refuseExisting(target);
    let done = 0;
    try {
      await fsp.cp(this.nativeOf(source), this.nativeOf(target), {
        recursive: true,
        force: false,
        errorOnExist: true,
        verbatimSymlinks: true,
        preserveTimestamps: true,
        filter: () => {
          throwIfAborted(signal);
          onProgress?.(++done);
          return true;
        },
      });
    } catch (error) {
      throw localError(error, source);
    }
  }

  /** One entry, its link resolved: where it points, what is there, the target's size and date. */
  private async entryAt(path: string): Promise<FileEntry> {
    const native = this.nativeOf(path);
    const stats = await fsp.lstat(native);
    const name = path.slice(path.lastIndexOf('/') + 1);
    const entry: FileEntry = { name, path, kind: kindOf(stats), size: stats.isDirectory() ? undefined : stats.size, modified: stats.mtimeMs, permissions: stats.mode & 0o7777 };
    if (entry.kind !== 'symlink') return entry;
    const [linkTarget, target] = await Promise.all([fsp.readlink(native).catch(() => undefined), fsp.stat(native).catch(() => undefined)]);
    if (!target) return { ...entry, linkTarget, linkTargetKind: 'broken' };
    return {
      ...entry,
      linkTarget,
      linkTargetKind: target.isDirectory() ? 'folder' : 'file',
      size: target.isDirectory() ? undefined : target.size,
      modified: target.mtimeMs,
    };
  }

  /** Windows' top level: the drives that answer. */
  private async drives(): Promise<FileEntry[]> {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
    const found: FileEntry[] = [];
    await eachLimited(letters, PARALLEL, async (letter) => {
      const ok = await fsp.stat(`${letter}:\\`).then(
        () => true,
        () => false,
      );
      if (ok) found.push({ name: `${letter}:`, path: `/${letter}:`, kind: 'folder' });
    });
    return found.sort((a, b) => a.name.localeCompare(b.name));
  }

  private native(path: string): string | undefined {
    return toNative(path, this.platform);
  }

  /** The native path of anything but Windows' list of drives, which holds nothing to change. */
  private nativeOf(path: string): string {
    const native = this.native(path);
    if (native === undefined) throw codedError('invalidInput', 'coreLocal:drivesOnly');
    return native;
  }

  private isDriveRoot(path: string): boolean {
    return this.platform === 'windows' && driveOf(path) !== undefined && path === `/${driveOf(path)}`;
  }

  /** Nothing is made, moved or deleted beside the drives on Windows' top level. */
  private refuseAtTop(path: string): void {
    if (this.platform === 'windows' && path.lastIndexOf('/') === 0) throw codedError('invalidInput', 'coreLocal:drivesOnly');
  }

  private checkName(name: string): void {
    // The contract refuses "/", "." and ".."; Windows also reads "\" as a separator.
    if (this.platform === 'windows' && name.includes('\\')) throw codedError('invalidInput', 'coreLocal:nameBackslash');
  }

  private refuseTreeChange(source: string, target: string, verb: 'move' | 'copy'): void {
    if (isSameOrInside(source, target)) {
      throw codedError('invalidInput', verb === 'move' ? 'coreLocal:intoItself.move' : 'coreLocal:intoItself.copy', { path: source });
    }
    if (source === '/' || this.isDriveRoot(source)) throw codedError('invalidInput', 'coreLocal:drivesOnly');
    this.refuseAtTop(target);
  }

  private async refuseExisting(target: string): Promise<void> {
    const there = await fsp.lstat(this.nativeOf(target)).catch(() => undefined);
    if (there) throw codedError('conflict', 'coreLocal:existsAt', { path: target });
  }
}

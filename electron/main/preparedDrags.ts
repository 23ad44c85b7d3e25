/**
 * The only files a drag-out may carry: those the core prepared in main's drag folder. A
 * start request from the page names local paths, and each one must be a path main handed
 * out, still inside the drag folder (also once symbolic links are resolved), still the kind
 * and size it was. Plain functions and `node:fs` (no runtime `electron` import), so they are
 * unit-tested and the e2e bridge runs the same checks.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';
import type { DragOutItem } from '../../shared/api.js';
import { dragOutStart } from '../../shared/contract/transfers.js';
import { mainWords } from './mainWords.js';

/** Longer than the page keeps a copy as ready, shorter than the day after which old drag folders are removed. */
export const preparedMaxAgeMs = 20 * 60 * 60 * 1000;
/** Enough for every item of many drags; the oldest are forgotten first. */
const maxPrepared = 20_000;

/** The few `fs` calls the checks make, synchronous: main answers inside the page's dragstart. */
export interface DragFs {
  lstat(path: string): { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean; size: number } | undefined;
  realpath(path: string): string | undefined;
}

export const nodeDragFs: DragFs = {
  lstat: (path) => lstatSync(path, { throwIfNoEntry: false }),
  realpath: (path) => {
    try {
      return realpathSync(path);
    } catch {
      return undefined;
    }
  },
};

/** True when `path` is strictly inside `folder` (not the folder itself, not a sibling that shares its prefix). */
export function isInsideFolder(path: string, folder: string): boolean {
  if (!isAbsolute(path) || !isAbsolute(folder)) return false;
  const rel = relative(resolve(folder), resolve(path));
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

export type DragCheck = { ok: true; paths: string[] } | { ok: false; reason: string };

interface Prepared {
  kind: 'file' | 'folder';
  size: number;
  at: number;
}

export class PreparedDrags {
  private readonly prepared = new Map<string, Prepared>();

  constructor(
    /** Main's drag folder: the core downloads into fresh folders inside it. */
    readonly root: string,
    private readonly fs: DragFs = nodeDragFs,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Keeps what the core answered for a preparation (one local path per remote path, in
   * order) and returns it as the page sees it. A path outside the drag folder, or one that
   * is not a plain file or folder, is refused: the core never makes such a thing.
   */
  note(remotePaths: readonly string[], localPaths: readonly string[]): DragOutItem[] {
    if (localPaths.length !== remotePaths.length) throw new Error(mainWords.t('main:preparedMismatch'));
    const items = localPaths.map((localPath, n): DragOutItem => {
      const info = isInsideFolder(localPath, this.root) && normalize(localPath) === localPath ? this.fs.lstat(localPath) : undefined;
      if (!info || !(info.isFile() || info.isDirectory())) throw new Error(mainWords.t('main:preparedMissing', { path: localPath }));
      const kind = info.isFile() ? 'file' : 'folder';
      return { remotePath: remotePaths[n]!, localPath, kind, size: kind === 'file' ? info.size : 0 };
    });
    for (const item of items) {
      this.prepared.delete(item.localPath);
      this.prepared.set(item.localPath, { kind: item.kind, size: item.size, at: this.now() });
    }
    while (this.prepared.size > maxPrepared) this.prepared.delete(this.prepared.keys().next().value!);
    return items;
  }

  /** Checks a start request from the page; only a fully valid one gives the paths to drag. */
  check(payload: unknown): DragCheck {
    const parsed = dragOutStart.safeParse(payload);
    if (!parsed.success) return { ok: false, reason: 'the request is malformed' };
    const paths = [...new Set(parsed.data.paths)];
    const realRoot = this.fs.realpath(this.root);
    if (!realRoot) return { ok: false, reason: 'the drag folder is gone' };
    for (const path of paths) {
      const problem = this.problemWith(path, realRoot);
      if (problem) return { ok: false, reason: `${path}: ${problem}` };
    }
    return { ok: true, paths };
  }

  private problemWith(path: string, realRoot: string): string | undefined {
    if (!isAbsolute(path) || normalize(path) !== path) return 'not a plain absolute path';
    if (!isInsideFolder(path, this.root)) return 'outside the drag folder';
    const prepared = this.prepared.get(path);
    if (!prepared) return 'not prepared for dragging';
    if (this.now() - prepared.at > preparedMaxAgeMs) return 'prepared too long ago';
    const info = this.fs.lstat(path);
    if (!info) return 'no longer on disk';
    if (info.isSymbolicLink()) return 'a symbolic link';
    if (prepared.kind === 'file' ? !info.isFile() || info.size !== prepared.size : !info.isDirectory()) return 'changed since it was prepared';
    const real = this.fs.realpath(path);
    if (!real || !isInsideFolder(real, realRoot)) return 'outside the drag folder once links are resolved';
    return undefined;
  }
}

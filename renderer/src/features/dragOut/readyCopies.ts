/**
 * Which dragged items already have a local copy to drag at once. A copy is what main
 * prepared in its drag folder (a completed, checksum-verified download); the page keeps it
 * with the listing's size, date and ETag of the time, so a file that changed on the server
 * since then is fetched again. Pure functions, unit-tested.
 */
import type { DragOutItem } from '../../../../shared/api.js';
import type { FileEntry, Protocol } from '../../../../shared/files.js';

export interface ReadyCopy {
  localPath: string;
  kind: 'file' | 'folder';
  /** The listing's view of the file when it was fetched. */
  size?: number;
  modified?: number;
  etag?: string;
  /** When it was fetched (epoch ms). */
  at: number;
}

export type ReadyCopies = Readonly<Record<string, ReadyCopy>>;

/** A file copy stays usable for hours: main keeps it as draggable for longer, and removes old ones after a day. */
export const fileCopyMaxAgeMs = 6 * 60 * 60 * 1000;
/** A folder's contents can change with no sign in its parent's listing: its copy serves only the drag it was made for. */
export const folderCopyMaxAgeMs = 60 * 1000;

/** Small selections are fetched ahead, as the user presses on them, so their first drag is instant. */
export const prefetchLimits = { files: 8, bytes: 4 * 1024 * 1024 };

export const copyKey = (connectionId: string, remotePath: string) => `${connectionId}\n${remotePath}`;

/** What a drag of `entries` carries: never S3 buckets (they are not files or folders to copy). */
export function draggableEntries(protocol: Protocol, entries: readonly FileEntry[]): FileEntry[] {
  return entries.filter((e) => !(protocol === 's3' && e.kind === 'bucket'));
}

export function isFresh(entry: FileEntry, copy: ReadyCopy | undefined, now: number): boolean {
  if (!copy) return false;
  const age = now - copy.at;
  if (copy.kind === 'folder') return age >= 0 && age < folderCopyMaxAgeMs;
  return age >= 0 && age < fileCopyMaxAgeMs && copy.size === entry.size && copy.modified === entry.modified && copy.etag === entry.etag;
}

/** The local paths to drag when every entry has a fresh copy; otherwise undefined. */
export function readyPaths(connectionId: string, entries: readonly FileEntry[], copies: ReadyCopies, now: number): string[] | undefined {
  if (entries.length === 0) return undefined;
  const paths: string[] = [];
  for (const entry of entries) {
    const copy = copies[copyKey(connectionId, entry.path)];
    if (!isFresh(entry, copy, now)) return undefined;
    paths.push(copy!.localPath);
  }
  return paths;
}

/**
 * The copy to keep for a prepared item, or undefined when it must not serve a later drag: a
 * file whose size on disk differs from the listing changed on the server in between (the
 * drag at hand still gets it; the next one fetches it again).
 */
export function copyOf(entry: FileEntry, item: DragOutItem, at: number): ReadyCopy | undefined {
  if (item.kind === 'folder') return { localPath: item.localPath, kind: 'folder', at };
  if (entry.size !== undefined && item.size !== entry.size) return undefined;
  return { localPath: item.localPath, kind: 'file', size: entry.size, modified: entry.modified, etag: entry.etag, at };
}

/** True when `entries` are few small files (sizes known), worth fetching before any drag. */
export function worthPrefetching(entries: readonly FileEntry[]): boolean {
  if (entries.length === 0 || entries.length > prefetchLimits.files) return false;
  let bytes = 0;
  for (const e of entries) {
    if (e.kind !== 'file' || e.folderObject || e.size === undefined) return false;
    bytes += e.size;
  }
  return bytes <= prefetchLimits.bytes;
}

/** True when `path` is one of the copies or inside one (a file of a dragged folder). */
export function isInsideCopy(path: string, copies: Iterable<string>): boolean {
  for (const copy of copies) {
    if (path === copy || path.startsWith(`${copy}/`) || path.startsWith(`${copy}\\`)) return true;
  }
  return false;
}

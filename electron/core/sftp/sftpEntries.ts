import type { Attributes } from 'ssh2';
import type { FileEntry } from '../../../shared/files.js';
import { childPath } from '../../../shared/paths.js';
import type { SftpChannel } from './sftpChannel.js';

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

export const isFolderMode = (mode: number) => (mode & S_IFMT) === S_IFDIR;
export const isSymlinkMode = (mode: number) => (mode & S_IFMT) === S_IFLNK;

/** Owner and group names from an `ls -l` style longname: `-rw-r--r-- 1 alice staff 42 ...`. */
export function ownerGroupFromLongname(longname: string | undefined): { owner: string; group: string } | undefined {
  const match = /^[-a-zA-Z?][-rwxsStTlL+.@?]{9}\S*\s+\d+\s+(\S+)\s+(\S+)\s+\d/.exec(longname ?? '');
  return match ? { owner: match[1]!, group: match[2]! } : undefined;
}

/** A listing row from lstat-style attributes (what readdir returns). */
export function entryFromAttrs(path: string, name: string, attrs: Attributes, longname?: string): FileEntry {
  const names = ownerGroupFromLongname(longname);
  return {
    name,
    path,
    kind: isSymlinkMode(attrs.mode) ? 'symlink' : isFolderMode(attrs.mode) ? 'folder' : 'file',
    size: attrs.size,
    modified: attrs.mtime * 1000,
    permissions: attrs.mode & 0o7777,
    owner: names?.owner ?? String(attrs.uid),
    group: names?.group ?? String(attrs.gid),
  };
}

export function entryPath(folder: string, name: string): string {
  return childPath('sftp', folder, name, false);
}

/** Fills in where a symlink points and what is there; its size and date become the target's. */
export async function resolveSymlink(channel: SftpChannel, entry: FileEntry): Promise<FileEntry> {
  if (entry.kind !== 'symlink') return entry;
  const [target, stats] = await Promise.all([
    channel.readlink(entry.path).catch(() => undefined),
    channel.stat(entry.path).catch(() => undefined),
  ]);
  const resolved: FileEntry = { ...entry, linkTarget: target };
  if (!stats) return { ...resolved, linkTargetKind: 'broken' };
  return {
    ...resolved,
    linkTargetKind: isFolderMode(stats.mode) ? 'folder' : 'file',
    size: isFolderMode(stats.mode) ? entry.size : stats.size,
    modified: stats.mtime * 1000,
  };
}

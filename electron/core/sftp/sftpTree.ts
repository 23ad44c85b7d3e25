import type { Attributes } from 'ssh2';
import type { DeleteReport, TreeSummary } from '../../../shared/files.js';
import { codedError, throwIfAborted } from '../errors.js';
import { eachLimited } from '../lib/eachLimited.js';
import type { SftpChannel } from './sftpChannel.js';
import { entryPath, isFolderMode } from './sftpEntries.js';
import { pathFailure, remoteError } from './sftpErrors.js';

/** Requests kept in flight while walking or deleting a folder's entries. */
const PARALLEL = 16;

export interface TreeChild {
  name: string;
  path: string;
  attrs: Attributes;
}

/** Every entry of one folder (lstat attributes: links are not followed). */
export async function readFolder(channel: SftpChannel, folder: string): Promise<TreeChild[]> {
  const handle = await channel.opendir(folder);
  const out: TreeChild[] = [];
  try {
    for (;;) {
      const batch = await channel.readdir(handle);
      if (batch === null) break;
      for (const item of batch) {
        if (item.filename === '.' || item.filename === '..') continue;
        out.push({ name: item.filename, path: entryPath(folder, item.filename), attrs: item.attrs });
      }
    }
  } finally {
    await channel.close(handle).catch(() => undefined);
  }
  return out;
}

/** Counts files, folders and bytes under `paths`; links count as files and are not followed. */
export async function summarizeTree(channel: SftpChannel, paths: string[], signal?: AbortSignal): Promise<TreeSummary> {
  const summary: TreeSummary = { files: 0, folders: 0, bytes: 0 };
  const visit = async (path: string, attrs: Attributes): Promise<void> => {
    throwIfAborted(signal);
    if (!isFolderMode(attrs.mode)) {
      summary.files++;
      summary.bytes += attrs.size;
      return;
    }
    summary.folders++;
    const children = await readFolder(channel, path).catch((error: unknown) => {
      throw remoteError(error, path);
    });
    await eachLimited(children, PARALLEL, (child) => visit(child.path, child.attrs));
  };
  for (const path of paths) {
    const attrs = await channel.lstat(path).catch((error: unknown) => {
      throw remoteError(error, path);
    });
    await visit(path, attrs);
  }
  return summary;
}

/**
 * Deletes files, links and whole folders (depth first). A failure is reported per item and
 * the walk goes on; a folder whose contents could not all be deleted is left in place.
 */
export async function deleteTree(
  channel: SftpChannel,
  paths: string[],
  onProgress?: (deleted: number) => void,
  signal?: AbortSignal,
): Promise<DeleteReport> {
  const report: DeleteReport = { deleted: 0, failed: [] };
  const fail = (path: string, error: unknown) => {
    report.failed.push(pathFailure(path, remoteError(error, path)));
    return false;
  };
  const done = () => {
    report.deleted++;
    onProgress?.(report.deleted);
    return true;
  };
  /** True when `path` is gone. */
  const remove = async (path: string, attrs: Attributes): Promise<boolean> => {
    throwIfAborted(signal);
    if (!isFolderMode(attrs.mode)) {
      return channel.unlink(path).then(done, (error: unknown) => fail(path, error));
    }
    let children: TreeChild[];
    try {
      children = await readFolder(channel, path);
    } catch (error) {
      return fail(path, error);
    }
    let allGone = true;
    await eachLimited(children, PARALLEL, async (child) => {
      if (!(await remove(child.path, child.attrs))) allGone = false;
    });
    if (!allGone) return false;
    throwIfAborted(signal);
    return channel.rmdir(path).then(done, (error: unknown) => fail(path, error));
  };
  for (const path of paths) {
    if (path === '/') {
      report.failed.push(pathFailure(path, codedError('conflict', 'coreSftp:rootNotDeleted')));
      continue;
    }
    const attrs = await channel.lstat(path).catch((error: unknown) => {
      fail(path, error);
      return undefined;
    });
    if (attrs) await remove(path, attrs);
  }
  return report;
}

/** A path's attributes, or undefined when nothing is there. */
export async function lstatOrNothing(channel: SftpChannel, path: string): Promise<Attributes | undefined> {
  return channel.lstat(path).catch(() => undefined);
}

export function refuseIntoItself(from: string, to: string, verb: 'move' | 'copy'): void {
  if (to === from || to.startsWith(`${from}/`)) {
    throw codedError('invalidInput', verb === 'move' ? 'coreSftp:intoItself.move' : 'coreSftp:intoItself.copy', { path: from });
  }
}

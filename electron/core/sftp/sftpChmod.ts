import type { ChmodReport } from '../../../shared/contract/sftp.js';
import { throwIfAborted } from '../errors.js';
import { eachLimited } from '../lib/eachLimited.js';
import type { SftpChannel } from './sftpChannel.js';
import { isFolderMode, isSymlinkMode } from './sftpEntries.js';
import { pathFailure, remoteError } from './sftpErrors.js';
import { readFolder, type TreeChild } from './sftpTree.js';

/**
 * Sets permission bits on a path; `recursive` does the same to everything inside a folder
 * (contents first, so taking away the folder's own x bit cannot lock the walk out).
 * Links are skipped inside folders: SETSTAT follows them, and would change their targets.
 */
export async function chmodTree(
  channel: SftpChannel,
  path: string,
  mode: number,
  recursive: boolean,
  signal?: AbortSignal,
): Promise<ChmodReport> {
  const report: ChmodReport = { changed: 0, failed: [] };
  const set = async (target: string) => {
    throwIfAborted(signal);
    try {
      await channel.setstat(target, { mode });
      report.changed++;
    } catch (error) {
      report.failed.push(pathFailure(target, remoteError(error, target)));
    }
  };
  const walk = async (folder: string) => {
    let children: TreeChild[];
    try {
      children = await readFolder(channel, folder);
    } catch (error) {
      report.failed.push(pathFailure(folder, remoteError(error, folder)));
      return;
    }
    const folders = children.filter((c) => isFolderMode(c.attrs.mode));
    const files = children.filter((c) => !isFolderMode(c.attrs.mode) && !isSymlinkMode(c.attrs.mode));
    await eachLimited(files, 16, (c) => set(c.path));
    for (const c of folders) {
      await walk(c.path);
      await set(c.path);
    }
  };
  const attrs = await channel.lstat(path).catch((error: unknown) => {
    throw remoteError(error, path);
  });
  if (recursive && isFolderMode(attrs.mode)) {
    await walk(path);
    await set(path);
    return report;
  }
  // One item: its failure is the answer.
  await channel.setstat(path, { mode }).catch((error: unknown) => {
    throw remoteError(error, path);
  });
  return { changed: 1, failed: [] };
}

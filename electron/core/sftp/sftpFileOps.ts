import { parentPath } from '../../../shared/paths.js';
import type { SftpChannel } from './sftpChannel.js';
import { isFolderMode } from './sftpEntries.js';
import { SftpStatus, sftpStatusOf } from './sftpErrors.js';

/** A server may answer a READ with fewer bytes than asked; ask again for the rest. */
export async function readRemoteFully(channel: SftpChannel, handle: Buffer, buffer: Buffer, length: number, position: number) {
  let got = 0;
  while (got < length) {
    const n = await channel.read(handle, buffer, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/** Uploading over a file should not change who may read it. */
export async function keepModeOfReplacedFile(channel: SftpChannel, partPath: string, remotePath: string) {
  const existing = await channel.stat(remotePath).catch(() => undefined);
  if (existing && !isFolderMode(existing.mode)) {
    await channel.setstat(partPath, { mode: existing.mode & 0o7777 }).catch(() => undefined);
  }
}

/** Makes the folders above `path` that are missing (a copied folder's tree); another job making one at the same time is fine. */
export async function makeParents(channel: SftpChannel, path: string): Promise<void> {
  const parent = parentPath('sftp', path);
  if (!parent || parent === '/' || (await channel.stat(parent).catch(() => undefined))) return;
  await makeParents(channel, parent);
  await channel.mkdir(parent).catch(async (error: unknown) => {
    if (!(await channel.stat(parent).catch(() => undefined))) throw error;
  });
}

/** Puts a finished part file in place of the target, replacing it on servers whose plain rename will not. */
export async function renameIntoPlace(channel: SftpChannel, from: string, to: string) {
  if (channel.hasExtension('posix-rename@openssh.com')) return channel.posixRename(from, to);
  try {
    await channel.rename(from, to);
  } catch (error) {
    // Plain SFTP rename refuses to replace: remove the old file, then rename.
    if (sftpStatusOf(error) !== SftpStatus.FAILURE) throw error;
    await channel.unlink(to);
    await channel.rename(from, to);
  }
}

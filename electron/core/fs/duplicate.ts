import type { FileEntry } from '../../../shared/files.js';
import { copyName } from '../../../shared/names.js';
import { baseName, childPath, parentPath } from '../../../shared/paths.js';
import { codedError, isAppError } from '../errors.js';
import { folderByName, type RemoteFileSystem } from './remoteFileSystem.js';

/** How many "copy N" names are tried before giving up. */
const MAX_TRIES = 500;

/**
 * Whether something is at `path`: an entry, or (S3) a folder that exists only as a prefix of
 * other keys. Only "nothing there" makes a name free: a failure to look (no permission, the
 * network) stops the duplicate rather than risk copying over what is there.
 */
async function taken(fs: RemoteFileSystem, path: string): Promise<boolean> {
  const found = await fs.stat(path).then(
    () => true,
    (error: unknown) => {
      if (isAppError(error) && error.kind === 'notFound') return false;
      throw error;
    },
  );
  if (found || !folderByName(fs, path)) return found;
  const page = await fs.list(path);
  return page.entries.length > 0;
}

/**
 * Copies a file or folder beside itself under the first free "name copy" name (server-side:
 * S3 CopyObject, SFTP copy-data when offered) and returns the new entry.
 */
export async function duplicate(
  fs: RemoteFileSystem,
  path: string,
  onProgress?: (done: number) => void,
  signal?: AbortSignal,
  copyWord?: string,
): Promise<FileEntry> {
  const parent = parentPath(fs.protocol, path);
  const name = baseName(path);
  if (parent === null || !name) throw codedError('invalidInput', 'coreFs:duplicateTop');
  if (fs.protocol === 's3' && parent === '/') throw codedError('unsupported', 'coreFs:duplicateBucket');
  const folder = folderByName(fs, path) ?? (await fs.stat(path)).kind === 'folder';
  for (let n = 1; n <= MAX_TRIES; n++) {
    const target = childPath(fs.protocol, parent, copyName(name, folder, n, copyWord), folder);
    if (await taken(fs, target)) continue;
    await fs.copy(path, target, onProgress, signal);
    // An S3 folder without a marker object exists only as the prefix of its keys: nothing to stat.
    if (folderByName(fs, target)) return fs.stat(target).catch((): FileEntry => ({ name: baseName(target), path: target, kind: 'folder' }));
    return fs.stat(target);
  }
  throw codedError('conflict', 'coreFs:tooManyCopies', { count: MAX_TRIES, name });
}

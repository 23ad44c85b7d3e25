import { open, type FileHandle } from 'node:fs/promises';

/**
 * Opens the file a download writes into: as it is when the download continues (`r+`, its
 * bytes kept), new and empty otherwise, or when there is nothing left to continue. Either
 * way it can be read too: the hashing workers read the pieces back through its descriptor.
 */
export async function openForDownload(path: string, resume: boolean): Promise<FileHandle> {
  if (resume) {
    try {
      return await open(path, 'r+');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return open(path, 'w+');
}

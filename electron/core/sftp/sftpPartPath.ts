import { baseName, parentPath } from '../../../shared/paths.js';
import { entryPath } from './sftpEntries.js';

/** The hidden name an upload is written under before it is renamed into place. */
export function uploadPartPath(remotePath: string): string {
  return entryPath(parentPath('sftp', remotePath) ?? '/', `.${baseName(remotePath)}.stowage-part`);
}

import { randomUUID } from 'node:crypto';
import { baseName, childPath } from '../../../shared/paths.js';
import type { TransferFolder } from '../../../shared/transfers.js';
import { codedError } from '../errors.js';
import type { RemoteSession } from '../fs/remoteFileSystem.js';
import { safeRelativePath } from '../lib/safeRelative.js';
import { expandDownloads, joinRemote } from '../transfers/expandSources.js';
import type { JobSpec } from '../transfers/jobSpecs.js';

export interface CopyPlaces {
  source: { connectionId: string; paths: string[] };
  target: { connectionId: string; folder: string };
  move: boolean;
}

/**
 * One copy job per source file: folders are listed now and keep their tree under the target
 * folder; the files of one chosen folder share a folder id, so the panel shows them as one row.
 */
export async function copySpecs(source: RemoteSession, target: RemoteSession, places: CopyPlaces): Promise<JobSpec[]> {
  const folder = places.target.folder;
  if (target.fs.protocol === 's3' && (folder === '/' || folder === '')) throw codedError('invalidInput', 'coreTransfers:copy.targetNotFolder');
  const sameConnection = places.source.connectionId === places.target.connectionId;
  if (sameConnection && places.source.paths.some((path) => within(folder, path))) throw codedError('invalidInput', 'coreTransfers:copy.intoItself', { path: folder });
  const items = await expandDownloads(source.fs, places.source.paths);
  if (items.length === 0) throw codedError('notFound', 'coreTransfers:copy.nothingToCopy');
  const folders = new Map<number, TransferFolder>();
  return items.map((item) => {
    // A key that is no file name here keeps its text (the attempt refuses it with a sentence), not a cleaned-up path to another file.
    const remotePath =
      target.fs.protocol !== 's3' && !safeRelativePath(item.relativePath) ? `${folder.replace(/\/+$/, '')}/${item.relativePath}` : joinRemote(target.fs, folder, item.relativePath);
    if (sameConnection && remotePath === item.remotePath) throw codedError('invalidInput', 'coreTransfers:copy.ontoItself', { path: remotePath });
    const spec: JobSpec = {
      direction: 'copy',
      connectionId: places.target.connectionId,
      localPath: '',
      remotePath,
      copySource: { connectionId: places.source.connectionId, path: item.remotePath },
      size: item.size,
      name: baseName(remotePath),
      ...(places.move ? { move: true } : {}),
      ...(item.note ? { detail: [item.note] } : {}),
    };
    if (!item.folder) return spec;
    let shared = folders.get(item.folder.source);
    if (!shared) {
      const top = childPath(target.fs.protocol, folder, item.folder.name, true);
      shared = { id: randomUUID(), name: item.folder.name, localPath: '', remotePath: top, sourcePath: item.folder.remotePath };
      folders.set(item.folder.source, shared);
    }
    return { ...spec, folder: shared };
  });
}

/** Whether `folder` is `path` or lies inside it (paths compared without their trailing slash). */
function within(folder: string, path: string): boolean {
  const f = folder.replace(/\/+$/, '');
  const p = path.replace(/\/+$/, '');
  return f === p || f.startsWith(`${p}/`);
}

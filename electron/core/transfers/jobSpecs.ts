import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { baseName } from '../../../shared/paths.js';
import type { TransferFolder, TransferSnapshot, UploadOptions } from '../../../shared/transfers.js';
import { codedError } from '../errors.js';
import type { RemoteSession } from '../fs/remoteFileSystem.js';
import { expandDownloads, expandUploads, type SourceFolder } from './expandSources.js';
import { planLocalTargets, type ClaimedPaths } from './localTargets.js';

/** What a request adds to the queue, one per file; the queue gives each its id and state. */
export type JobSpec = Omit<TransferSnapshot, 'id' | 'bytesDone' | 'rate' | 'state' | 'createdAt'>;

/** One id per chosen folder of a request, so the panel can show its files as one row. */
function folderIds(): (folder: SourceFolder | undefined, localPath?: string) => TransferFolder | undefined {
  const made = new Map<number, TransferFolder>();
  return (folder, localPath) => {
    if (!folder) return undefined;
    let out = made.get(folder.source);
    if (!out) {
      out = { id: randomUUID(), name: folder.name, localPath: localPath ?? folder.localPath, remotePath: folder.remotePath };
      made.set(folder.source, out);
    }
    return out;
  };
}

/** The connection's default storage class, unless the upload names one. */
function withDefaultStorageClass(options: UploadOptions | undefined, storageClass: string | undefined): UploadOptions | undefined {
  if (!storageClass || options?.storageClass) return options;
  return { ...options, storageClass };
}

export async function uploadSpecs(
  session: RemoteSession,
  connectionId: string,
  localPaths: string[],
  remoteFolder: string,
  options: UploadOptions | undefined,
  connectionStorageClass: string | undefined,
): Promise<JobSpec[]> {
  const items = await expandUploads(session.fs, localPaths, remoteFolder);
  const uploadOptions = withDefaultStorageClass(options, session.transfers.storageClasses ? connectionStorageClass : undefined);
  const folderOf = folderIds();
  return items.map((i) => {
    const spec: JobSpec = { direction: 'upload', connectionId, localPath: i.localPath, remotePath: i.remotePath, size: i.size, name: basename(i.localPath), uploadOptions };
    const folder = folderOf(i.folder);
    return folder ? { ...spec, folder } : spec;
  });
}

/** One job per remote file, each with a local path of its own (see planLocalTargets). */
export async function downloadSpecs(
  session: RemoteSession,
  connectionId: string,
  remotePaths: string[],
  localFolder: string,
  claimed: ClaimedPaths,
): Promise<JobSpec[]> {
  const info = await stat(localFolder).catch(() => null);
  if (!info?.isDirectory()) throw codedError('notFound', 'coreTransfers:downloadFolderMissing', { path: localFolder });
  const items = await expandDownloads(session.fs, remotePaths);
  if (items.length === 0) throw codedError('notFound', 'coreTransfers:nothingToDownload');
  const targets = planLocalTargets(localFolder, items.map((i) => i.relativePath), claimed);
  const folderOf = folderIds();
  return items.map((i, n) => {
    const { localPath, note } = targets[n]!;
    const notes = [i.note, note].filter((n) => n !== undefined);
    const detail = notes.length > 0 ? notes : undefined;
    const spec: JobSpec = { direction: 'download', connectionId, localPath, remotePath: i.remotePath, size: i.size, name: basename(localPath), detail };
    // The folder lands where its first file's top folder did (a clash may have numbered it).
    const folder = folderOf(i.folder, join(localFolder, relative(localFolder, localPath).split(sep)[0]!));
    return folder ? { ...spec, folder } : spec;
  });
}

/** One change per object: folders and buckets are listed now, so each object gets its own row. */
export async function storageClassSpecs(session: RemoteSession, connectionId: string, paths: string[], storageClass: string): Promise<JobSpec[]> {
  const changer = session.transfers.storageClasses;
  if (!changer) throw codedError('unsupported', 'coreTransfers:storageClassS3Only');
  if (paths.some((p) => p === '/' || p === '')) throw codedError('invalidInput', 'coreTransfers:notBucketList');
  const targets = await changer.targets(paths);
  return targets.map((t) => ({ direction: 'storageClass', connectionId, localPath: '', remotePath: t.path, size: t.size, name: baseName(t.path), storageClass }));
}

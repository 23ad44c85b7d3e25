import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { baseName } from '../../../shared/paths.js';
import type { TransferSnapshot, UploadOptions } from '../../../shared/transfers.js';
import { AppError } from '../errors.js';
import type { RemoteSession } from '../fs/remoteFileSystem.js';
import { expandDownloads, expandUploads } from './expandSources.js';
import { planLocalTargets, type ClaimedPaths } from './localTargets.js';

/** What a request adds to the queue, one per file; the queue gives each its id and state. */
export type JobSpec = Omit<TransferSnapshot, 'id' | 'bytesDone' | 'rate' | 'state' | 'createdAt'>;

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
  return items.map((i) => ({ direction: 'upload', connectionId, localPath: i.localPath, remotePath: i.remotePath, size: i.size, name: basename(i.localPath), uploadOptions }));
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
  if (!info?.isDirectory()) throw new AppError('notFound', `The download folder does not exist: ${localFolder}`);
  const items = await expandDownloads(session.fs, remotePaths);
  if (items.length === 0) throw new AppError('notFound', 'There is nothing to download: the chosen folders hold no files.');
  const targets = planLocalTargets(localFolder, items.map((i) => i.relativePath), claimed);
  return items.map((i, n) => {
    const { localPath, note } = targets[n]!;
    const detail = [i.note, note].filter(Boolean).join(' ') || undefined;
    return { direction: 'download', connectionId, localPath, remotePath: i.remotePath, size: i.size, name: basename(localPath), detail };
  });
}

/** One change per object: folders and buckets are listed now, so each object gets its own row. */
export async function storageClassSpecs(session: RemoteSession, connectionId: string, paths: string[], storageClass: string): Promise<JobSpec[]> {
  const changer = session.transfers.storageClasses;
  if (!changer) throw new AppError('unsupported', 'Storage classes exist on S3 connections only.');
  if (paths.some((p) => p === '/' || p === '')) throw new AppError('invalidInput', 'Choose files, folders or a bucket, not the list of buckets.');
  const targets = await changer.targets(paths);
  return targets.map((t) => ({ direction: 'storageClass', connectionId, localPath: '', remotePath: t.path, size: t.size, name: baseName(t.path), storageClass }));
}

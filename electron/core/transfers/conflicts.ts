import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { ConflictChoice, FileFacts, TransferConflict, TransferSnapshot } from '../../../shared/transfers.js';
import { baseName, parentPath, childPath, splitS3Path } from '../../../shared/paths.js';
import type { RemoteSession } from '../fs/remoteFileSystem.js';
import { listIncompleteUploads } from '../s3/s3MultipartUploads.js';
import type { S3Session } from '../s3/s3Session.js';
import type { Checkpoint } from './jobContext.js';
import { firstFreePath } from './uniquePath.js';

async function localFacts(path: string): Promise<FileFacts | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info ? { size: info.size, modifiedAt: info.mtimeMs } : undefined;
}

async function remoteFacts(session: RemoteSession, path: string): Promise<FileFacts | undefined> {
  try {
    const entry = await session.fs.stat(path);
    if (entry.kind === 'folder' || entry.kind === 'bucket') return { modifiedAt: entry.modified };
    return { size: entry.size, modifiedAt: entry.modified };
  } catch {
    return undefined;
  }
}

async function incompleteUploadFor(session: RemoteSession, remotePath: string) {
  if (session.fs.protocol !== 's3') return undefined;
  const { bucket, key } = splitS3Path(remotePath);
  const uploads = await listIncompleteUploads((session as S3Session).client, bucket, key).catch(() => []);
  return uploads.filter((u) => u.key === key).sort((a, b) => (b.initiated ?? 0) - (a.initiated ?? 0))[0];
}

/** The question to ask when the target exists, or undefined when it does not. */
export async function findConflict(session: RemoteSession, t: TransferSnapshot): Promise<TransferConflict | undefined> {
  const upload = t.direction === 'upload';
  const [source, target] = upload
    ? [await localFacts(t.localPath), await remoteFacts(session, t.remotePath)]
    : [await remoteFacts(session, t.remotePath), await localFacts(t.localPath)];
  if (!target) return undefined;
  const smaller = target.size !== undefined && source?.size !== undefined && target.size < source.size;
  const canResume = upload ? (session.fs.protocol === 'sftp' ? smaller : (await incompleteUploadFor(session, t.remotePath)) !== undefined) : smaller;
  return { id: t.id, direction: upload ? 'upload' : 'download', name: t.name, targetPath: upload ? t.remotePath : t.localPath, source: source ?? {}, target, canResume };
}

export type ConflictOutcome =
  | { action: 'go'; checkpoint?: Checkpoint; localPath?: string; remotePath?: string; detail?: string }
  | { action: 'skip'; detail: string };

/** Turns the user's choice into what the transfer does. */
export async function applyChoice(
  session: RemoteSession,
  t: TransferSnapshot,
  conflict: TransferConflict,
  choice: ConflictChoice,
  sftpPartPath: (remotePath: string) => string,
  /** Local paths other transfers write: a renamed download must not take one. */
  localTaken: (path: string) => boolean = () => false,
): Promise<ConflictOutcome> {
  const upload = t.direction === 'upload';
  switch (choice) {
    case 'overwrite':
      return { action: 'go', detail: 'Replaced the existing file.' };
    case 'skip':
      return { action: 'skip', detail: 'Skipped: the target already exists.' };
    case 'newer': {
      const s = conflict.source.modifiedAt ?? 0;
      const d = conflict.target.modifiedAt ?? 0;
      return s > d ? { action: 'go', detail: 'Replaced an older file.' } : { action: 'skip', detail: 'Skipped: the target is as new or newer.' };
    }
    case 'rename':
      if (!upload) {
        const localPath = await firstFreePath(t.localPath, localTaken);
        return { action: 'go', localPath, detail: `Saved as ${basename(localPath)}.` };
      }
      return { action: 'go', remotePath: await freeRemotePath(session, t.remotePath), detail: 'Saved under a new name.' };
    case 'resume':
      return resumeOutcome(session, t, conflict, sftpPartPath);
  }
}

async function resumeOutcome(
  session: RemoteSession,
  t: TransferSnapshot,
  conflict: TransferConflict,
  sftpPartPath: (remotePath: string) => string,
): Promise<ConflictOutcome> {
  const have = conflict.target.size ?? 0;
  if (!conflict.canResume) return { action: 'go', detail: 'Nothing to resume: replaced the existing file.' };
  const { rename } = await import('node:fs/promises');
  if (t.direction === 'download') {
    // The existing file becomes the `.part`; the rest of the bytes are appended to it.
    await rename(t.localPath, `${t.localPath}.part`);
    const checkpoint: Checkpoint =
      session.fs.protocol === 's3' ? { kind: 'ranges', size: conflict.source.size ?? 0, done: have > 0 ? [[0, have]] : [] } : { kind: 'offset', offset: have };
    return { action: 'go', checkpoint, detail: `Resumed after ${have} bytes already there.` };
  }
  if (session.fs.protocol === 'sftp') {
    await session.fs.rename(t.remotePath, sftpPartPath(t.remotePath));
    return { action: 'go', checkpoint: { kind: 'offset', offset: have }, detail: `Resumed after ${have} bytes already there.` };
  }
  const pending = await incompleteUploadFor(session, t.remotePath);
  const info = await stat(t.localPath);
  if (!pending) return { action: 'go', detail: 'Nothing to resume: replaced the existing file.' };
  const { listServerParts } = await import('../s3/s3MultipartUploads.js');
  const { bucket, key } = splitS3Path(t.remotePath);
  const parts = await listServerParts((session as S3Session).client, bucket, key, pending.uploadId);
  const partSize = parts.get(1)?.size;
  if (!partSize) return { action: 'go', detail: 'Nothing to resume: replaced the existing file.' };
  return {
    action: 'go',
    checkpoint: { kind: 's3Upload', uploadId: pending.uploadId, partSize, size: info.size, mtimeMs: info.mtimeMs, doneParts: [] },
    detail: 'Resumed an earlier multipart upload.',
  };
}

async function freeRemotePath(session: RemoteSession, path: string): Promise<string> {
  const protocol = session.fs.protocol;
  const parent = parentPath(protocol, path) ?? '/';
  const name = baseName(path);
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = childPath(protocol, parent, `${stem} (${n})${ext}`, false);
    if (!(await remoteFacts(session, candidate))) return candidate;
  }
}

import { stat } from 'node:fs/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import { coreMessage } from '../../../shared/i18n/englishMessages.js';
import { splitS3Path } from '../../../shared/paths.js';
import type { UploadResume } from '../fs/remoteFileSystem.js';
import type { RangesCheckpoint, S3UploadCheckpoint } from './s3Checkpoints.js';
import { listIncompleteUploads, listServerParts } from './s3MultipartUploads.js';

/** The newest multipart upload the server keeps for this key, if any. */
export async function incompleteUploadFor(client: S3Client, remotePath: string) {
  const { bucket, key } = splitS3Path(remotePath);
  const uploads = await listIncompleteUploads(client, bucket, key).catch(() => []);
  return uploads.filter((u) => u.key === key).sort((a, b) => (b.initiated ?? 0) - (a.initiated ?? 0))[0];
}

/**
 * An S3 object cannot be appended to: an upload continues only a multipart upload the
 * server still keeps for the key, from the parts ListParts answers (their size gives the
 * part size the rest must have).
 */
export async function resumeS3Upload(client: S3Client, remotePath: string, localPath: string): Promise<UploadResume | undefined> {
  const pending = await incompleteUploadFor(client, remotePath);
  const info = await stat(localPath);
  if (!pending) return undefined;
  const { bucket, key } = splitS3Path(remotePath);
  const parts = await listServerParts(client, bucket, key, pending.uploadId);
  const partSize = parts.get(1)?.size;
  if (!partSize) return undefined;
  const checkpoint: S3UploadCheckpoint = { kind: 's3Upload', uploadId: pending.uploadId, partSize, size: info.size, mtimeMs: info.mtimeMs, doneParts: [] };
  return { checkpoint, detail: coreMessage('coreS3:notes.resumedMultipart') };
}

/** A download continuing a local file of `have` bytes: those bytes count as one fetched range. */
export function resumeS3Download(have: number, size: number): RangesCheckpoint {
  return { kind: 'ranges', size, done: have > 0 ? [[0, have]] : [] };
}

import { AbortMultipartUploadCommand, ListMultipartUploadsCommand, ListPartsCommand, type S3Client } from '@aws-sdk/client-s3';
import type { IncompleteUpload } from '../../../shared/transfers.js';
import { TargetAppearedError } from '../fs/targetAppeared.js';

/** How far apart our clock and the server's may be (AWS refuses requests signed further off). */
const clockSkewMs = 15 * 60_000;

/** A part the server holds: its CRC32 is there when the upload was started with one (a directory bucket's). */
export interface ServerPart {
  etag: string;
  size: number;
  crc32?: string;
}

/** A part as CompleteMultipartUpload lists it: its ETag, and its CRC32 in a directory bucket. */
export interface CompletedPart {
  ETag: string;
  ChecksumCRC32?: string;
}

/** The parts the server holds for an upload: part number → ETag, size and CRC32. */
export async function listServerParts(
  client: S3Client,
  bucket: string,
  key: string,
  uploadId: string,
  signal?: AbortSignal,
): Promise<Map<number, ServerPart>> {
  const parts = new Map<number, ServerPart>();
  let marker: string | undefined;
  do {
    const page = await client.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumberMarker: marker }), { abortSignal: signal });
    for (const p of page.Parts ?? []) parts.set(p.PartNumber!, { etag: p.ETag!, size: p.Size ?? 0, crc32: p.ChecksumCRC32 });
    marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
  } while (marker);
  return parts;
}

/** Multipart uploads started in a bucket (under `prefix`) and never completed or aborted. */
export async function listIncompleteUploads(client: S3Client, bucket: string, prefix?: string): Promise<IncompleteUpload[]> {
  const out: IncompleteUpload[] = [];
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  do {
    const page = await client.send(
      new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: prefix, KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }),
    );
    for (const u of page.Uploads ?? []) {
      out.push({ key: u.Key!, uploadId: u.UploadId!, initiated: u.Initiated?.getTime(), storageClass: u.StorageClass });
    }
    keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
    uploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined;
  } while (keyMarker);
  return out;
}

/** The upload no longer exists: AWS answers NoSuchUpload, Ceph RGW NoSuchKey for ListParts. */
export const uploadIsGone = (error: unknown) => ['NoSuchUpload', 'NoSuchKey'].includes((error as { name?: string }).name ?? '');

/**
 * Aborts a multipart upload until it is really gone. A part still arriving when the abort
 * lands can bring the upload back, so AWS asks callers to confirm with ListParts: the
 * abort is repeated (a moment later) until ListParts answers NoSuchUpload.
 */
export async function abortUpload(client: S3Client, bucket: string, key: string, uploadId: string, retryAfterMs = 500): Promise<void> {
  for (let attempt = 0; attempt < 4; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, retryAfterMs));
    await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })).catch((error: unknown) => {
      if (!uploadIsGone(error)) throw error;
    });
    try {
      await client.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId, MaxParts: 1 }));
    } catch (error) {
      if (uploadIsGone(error)) return;
      throw error;
    }
  }
}

export async function abortIncompleteUploads(client: S3Client, bucket: string, uploads: { key: string; uploadId: string }[]): Promise<number> {
  for (const u of uploads) await abortUpload(client, bucket, u.key, u.uploadId);
  return uploads.length;
}

/** Aborts the uploads of `key` started around `startedAt` (our clock): those of an attempt whose upload id never reached the disk. */
export async function abortUnnamedUploads(client: S3Client, bucket: string, key: string, startedAt: number): Promise<void> {
  const ours = (await listIncompleteUploads(client, bucket, key)).filter((u) => u.key === key && Math.abs((u.initiated ?? 0) - startedAt) <= clockSkewMs);
  await abortIncompleteUploads(client, bucket, ours);
}

/**
 * Completes an upload; when something else took the key first (a target meant to stay free),
 * aborts the upload, whose parts would only be billed, and `forget`s it.
 */
export async function completeOrAbort<T>(client: S3Client, bucket: string, key: string, uploadId: string, complete: () => Promise<T>, forget: () => void): Promise<T> {
  try {
    return await complete();
  } catch (error) {
    if (error instanceof TargetAppearedError) {
      await abortUpload(client, bucket, key, uploadId).catch(() => undefined);
      forget();
    }
    throw error;
  }
}

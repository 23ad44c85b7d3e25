import { AbortMultipartUploadCommand, ListMultipartUploadsCommand, ListPartsCommand, type S3Client } from '@aws-sdk/client-s3';
import type { IncompleteUpload } from '../../../shared/transfers.js';

/** The parts the server holds for an upload: part number → ETag and size. */
export async function listServerParts(
  client: S3Client,
  bucket: string,
  key: string,
  uploadId: string,
  signal?: AbortSignal,
): Promise<Map<number, { etag: string; size: number }>> {
  const parts = new Map<number, { etag: string; size: number }>();
  let marker: string | undefined;
  do {
    const page = await client.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumberMarker: marker }), { abortSignal: signal });
    for (const p of page.Parts ?? []) parts.set(p.PartNumber!, { etag: p.ETag!, size: p.Size ?? 0 });
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

export async function abortIncompleteUploads(client: S3Client, bucket: string, uploads: { key: string; uploadId: string }[]): Promise<number> {
  let aborted = 0;
  for (const u of uploads) {
    await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.key, UploadId: u.uploadId })).catch((error: unknown) => {
      if ((error as { name?: string }).name !== 'NoSuchUpload') throw error;
    });
    aborted++;
  }
  return aborted;
}

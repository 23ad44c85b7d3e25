import type { S3Client } from '@aws-sdk/client-s3';
import type { IncompleteUpload } from '../../../shared/transfers.js';
import { eachLimited } from '../lib/eachLimited.js';
import { listIncompleteUploads, listServerParts } from './s3MultipartUploads.js';

/** Uploads beyond this many are listed without their parts (one ListParts request each). */
const detailedLimit = 200;
const inFlight = 8;

/** A bucket's incomplete multipart uploads, with how many parts and bytes each holds. */
export async function incompleteUploadsWithParts(client: S3Client, bucket: string, prefix?: string): Promise<IncompleteUpload[]> {
  const uploads = await listIncompleteUploads(client, bucket, prefix);
  const detailed = uploads.slice(0, detailedLimit);
  await eachLimited(detailed, inFlight, async (u) => {
    // A listing still helps without the sizes: an upload aborted meanwhile just has none.
    const parts = await listServerParts(client, bucket, u.key, u.uploadId).catch(() => undefined);
    if (!parts) return;
    u.parts = parts.size;
    u.bytes = [...parts.values()].reduce((sum, p) => sum + p.size, 0);
  });
  return uploads;
}

/**
 * Directory buckets (S3 Express One Zone) beside general purpose ones: their list, AWS's
 * ListDirectoryBuckets, on the Regional `s3express-control` endpoint the SDK picks.
 * Data requests to them need no help: the SDK signs them with CreateSession sessions itself.
 */
import { ListDirectoryBucketsCommand, type S3Client } from '@aws-sdk/client-s3';
import type { FileEntry } from '../../../shared/files.js';

/** More than the 100 directory buckets an account may have in a region: a stuck token cannot loop. */
const maxPages = 20;

/** The directory buckets in the client's region (ListDirectoryBuckets answers one region's), as bucket rows. */
export async function listDirectoryBuckets(client: S3Client, signal?: AbortSignal): Promise<FileEntry[]> {
  const region = await client.config.region();
  const rows: FileEntry[] = [];
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const out = await client.send(new ListDirectoryBucketsCommand({ ContinuationToken: token }), { abortSignal: signal });
    for (const b of out.Buckets ?? []) {
      if (!b.Name) continue;
      rows.push({ name: b.Name, path: `/${b.Name}/`, kind: 'bucket', modified: b.CreationDate?.getTime(), region: b.BucketRegion || region });
    }
    token = out.ContinuationToken;
    if (!token) break;
  }
  return rows;
}

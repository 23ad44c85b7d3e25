import { splitS3Path } from '../../../shared/paths.js';
import type { S3Client } from '@aws-sdk/client-s3';
import { walkObjects } from './s3Listing.js';

/** A client for each bucket (in the bucket's region). */
export interface BucketClients {
  clientFor(bucket: string): Promise<S3Client>;
}

/** Below this many files a HEAD per file is as cheap as a listing. */
const worthListing = 8;

/**
 * The upload targets known to be free, from one listing of the folder a batch goes to
 * instead of a HEAD per file before it is sent (a dropped folder of 2,000 files would
 * otherwise make 4,000 requests). Nothing is known when the folder holds many more keys
 * than the batch (listing it would cost more than it saves) or cannot be listed: then
 * every transfer checks its own target.
 */
export async function freeS3Targets(clients: BucketClients, remoteFolder: string, remotePaths: string[]): Promise<Set<string>> {
  const free = new Set<string>();
  if (remotePaths.length < worthListing) return free;
  const { bucket, key: prefix } = splitS3Path(remoteFolder);
  if (!bucket) return free;
  const limit = remotePaths.length * 4 + 1000;
  const taken = new Set<string>();
  try {
    const client = await clients.clientFor(bucket);
    for await (const objects of walkObjects(client, bucket, prefix)) {
      for (const o of objects) taken.add(`/${bucket}/${o.key}`);
      if (taken.size >= limit) return free;
    }
  } catch {
    return free;
  }
  for (const path of remotePaths) if (!taken.has(path)) free.add(path);
  return free;
}

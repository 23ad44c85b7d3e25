import type { S3Client } from '@aws-sdk/client-s3';
import { isDirectoryBucket } from '../../../shared/directoryBuckets.js';

/** Clients of a connection to AWS itself (or said to have directory buckets), where the bucket name says the kind. */
const clients = new WeakSet<S3Client>();

/** Marks a client whose server has directory buckets (AWS itself: no custom endpoint, unless said). */
export function servesDirectoryBuckets(client: S3Client): void {
  clients.add(client);
}

/**
 * Whether `bucket` is a directory bucket (S3 Express One Zone) for this client: only AWS has
 * them, so a bucket of another server (Ceph RGW, MinIO) named `x--use1-az4--x-s3` is a plain
 * one, checked by its MD5s.
 */
export function isDirectoryBucketOf(client: S3Client, bucket: string): boolean {
  return clients.has(client) && isDirectoryBucket(bucket);
}

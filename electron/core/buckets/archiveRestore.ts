import { HeadObjectCommand, RestoreObjectCommand } from '@aws-sdk/client-s3';
import { archivedClasses, restoreTiersFor, type RestoreStatus, type RestoreTier } from '../../../shared/buckets.js';
import { codedError } from '../errors.js';
import type { BucketContext } from './bucketContext.js';
import { errorName, explain } from './panel.js';

/**
 * Reads `x-amz-restore`: `ongoing-request="true"` while S3 thaws the object, then
 * `ongoing-request="false", expiry-date="Fri, 23 Dec 2012 00:00:00 GMT"`.
 */
export function parseRestoreHeader(storageClass: string | undefined, header: string | undefined): RestoreStatus {
  if (!header) return archivedClasses.includes(storageClass ?? '') ? { state: 'archived' } : { state: 'notArchived' };
  if (/ongoing-request="true"/.test(header)) return { state: 'inProgress' };
  const expiry = /expiry-date="([^"]+)"/.exec(header)?.[1];
  const time = expiry ? Date.parse(expiry) : NaN;
  return Number.isNaN(time) ? { state: 'restored' } : { state: 'restored', expires: time };
}

export async function restoreStatus({ client }: BucketContext, bucket: string, key: string): Promise<RestoreStatus> {
  try {
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return parseRestoreHeader(head.StorageClass, head.Restore);
  } catch (error) {
    throw explain(error, 'restoreStatus');
  }
}

/** Asks S3 to make an archived object readable for `days` days. */
export async function restoreObject(
  ctx: BucketContext,
  bucket: string,
  key: string,
  days: number,
  tier: RestoreTier,
  storageClass?: string,
): Promise<void> {
  if (storageClass && !restoreTiersFor(storageClass).includes(tier)) {
    // Only Deep Archive lacks a tier (Expedited).
    throw codedError('invalidInput', 'coreBuckets:expeditedUnavailable', { storageClass });
  }
  try {
    await ctx.client.send(
      new RestoreObjectCommand({ Bucket: bucket, Key: key, RestoreRequest: { Days: days, GlacierJobParameters: { Tier: tier } } }),
    );
  } catch (error) {
    const name = errorName(error);
    if (name === 'RestoreAlreadyInProgress') throw codedError('conflict', 'coreBuckets:restoreInProgress', undefined, error);
    if (name === 'InvalidObjectState') throw codedError('invalidInput', 'coreBuckets:notArchived', undefined, error);
    if (name === 'GlacierExpeditedRetrievalNotAvailable') {
      throw codedError('network', 'coreBuckets:expeditedBusy', undefined, error);
    }
    throw explain(error, 'restoring');
  }
}

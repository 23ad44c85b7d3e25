/** Object Lock of single objects: legal hold on and off, and why a locked version cannot be deleted. */
import { GetObjectLockConfigurationCommand, HeadObjectCommand, PutObjectLegalHoldCommand } from '@aws-sdk/client-s3';
import type { ObjectLockConfig } from '../../../shared/buckets.js';
import { AppError, codedError } from '../errors.js';
import type { BucketContext } from './bucketContext.js';
import { errorName, explain, orWhenMissing } from './panel.js';
import { objectLockFromSdk } from './settingsMapping.js';

export async function readObjectLock({ client }: BucketContext, bucket: string): Promise<ObjectLockConfig> {
  return orWhenMissing(
    async () => objectLockFromSdk((await client.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }))).ObjectLockConfiguration),
    ['ObjectLockConfigurationNotFoundError'],
    { enabled: false },
  );
}

/** AWS and RGW answer InvalidRequest to an Object Lock call on a bucket created without it. */
function lockNotEnabled(error: unknown, bucket: string): AppError | null {
  return errorName(error) === 'InvalidRequest' ? codedError('invalidInput', 'coreBuckets:lock.notEnabled', { bucket }, error) : null;
}

export async function setLegalHold({ client }: BucketContext, bucket: string, key: string, on: boolean): Promise<void> {
  try {
    await client.send(new PutObjectLegalHoldCommand({ Bucket: bucket, Key: key, LegalHold: { Status: on ? 'ON' : 'OFF' } }));
  } catch (error) {
    throw lockNotEnabled(error, bucket) ?? explain(error, 'objectLock');
  }
}

/**
 * Why a version's delete was refused, when Object Lock is the reason: a legal hold, or a
 * retention and the moment it ends. Null when the version is not locked (another denial).
 */
export async function lockedDeleteReason({ client }: BucketContext, bucket: string, key: string, versionId: string, cause: unknown): Promise<AppError | null> {
  if (errorName(cause) !== 'AccessDenied') return null;
  const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId })).catch(() => null);
  if (!head) return null;
  if (head.ObjectLockLegalHoldStatus === 'ON') return codedError('permission', 'coreBuckets:lock.deleteRefused.legalHold', undefined, cause);
  const until = head.ObjectLockRetainUntilDate?.getTime();
  if (until === undefined || until <= Date.now()) return null;
  return head.ObjectLockMode === 'COMPLIANCE'
    ? codedError('permission', 'coreBuckets:lock.deleteRefused.compliance', { until }, cause)
    : codedError('permission', 'coreBuckets:lock.deleteRefused.governance', { until }, cause);
}

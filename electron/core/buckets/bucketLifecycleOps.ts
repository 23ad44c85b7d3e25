/** Creating a bucket with its options, and deleting one (emptied first when asked). */
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  HeadBucketCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import { bucketNameProblem, type EmptyBucketCount } from '../../../shared/buckets.js';
import { codedError } from '../errors.js';
import type { BucketContext } from './bucketContext.js';
import { httpStatusOf } from '../s3/s3Errors.js';
import { errorName, explain } from './panel.js';

export interface CreateBucketOptions {
  region?: string;
  versioning: boolean;
  blockPublicAccess: boolean;
  objectLock: boolean;
}

export async function createBucket(ctx: BucketContext, bucket: string, options: CreateBucketOptions): Promise<void> {
  const problem = bucketNameProblem(bucket);
  if (problem) throw codedError('invalidInput', problem.key, problem.params);
  const { client } = ctx;
  const region = options.region;
  await refuseExisting(ctx, bucket);
  try {
    await client.send(
      new CreateBucketCommand({
        Bucket: bucket,
        // us-east-1 is the default and AWS rejects it as an explicit constraint.
        CreateBucketConfiguration:
          region && region !== 'us-east-1' ? { LocationConstraint: region as BucketLocationConstraint } : undefined,
        ObjectLockEnabledForBucket: options.objectLock || undefined,
      }),
    );
  } catch (error) {
    throw explain(error, options.objectLock ? 'objectLock' : 'creating');
  }
  // Object lock turns versioning on by itself.
  if (options.versioning && !options.objectLock) {
    await client
      .send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }))
      .catch((error: unknown) => {
        throw explain(error, 'versioning');
      });
  }
  if (options.blockPublicAccess) {
    await client
      .send(
        new PutPublicAccessBlockCommand({
          Bucket: bucket,
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            IgnorePublicAcls: true,
            BlockPublicPolicy: true,
            RestrictPublicBuckets: true,
          },
        }),
      )
      .catch((error: unknown) => {
        throw explain(error, 'publicAccessBlock');
      });
  }
}

/** S3 in us-east-1 (and RGW) answer 200 to re-creating your own bucket: ask first. */
async function refuseExisting({ client }: BucketContext, bucket: string): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch (error) {
    const status = httpStatusOf(error);
    if (status === 404) return;
    if (status === 403 || status === 301) {
      throw codedError('conflict', 'coreBuckets:nameTaken', { bucket }, error);
    }
    throw explain(error, 'creating');
  }
  throw codedError('conflict', 'coreBuckets:nameYours', { bucket });
}

async function forEachVersionPage(
  { client }: BucketContext,
  bucket: string,
  visit: (page: { versions: { Key: string; VersionId?: string }[]; markers: number }) => Promise<void>,
): Promise<void> {
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  for (;;) {
    const page = await client.send(
      new ListObjectVersionsCommand({ Bucket: bucket, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker }),
    );
    const versions = (page.Versions ?? []).map((v) => ({ Key: v.Key!, VersionId: v.VersionId }));
    const markers = (page.DeleteMarkers ?? []).map((v) => ({ Key: v.Key!, VersionId: v.VersionId }));
    await visit({ versions: [...versions, ...markers], markers: markers.length });
    if (!page.IsTruncated) return;
    keyMarker = page.NextKeyMarker;
    versionIdMarker = page.NextVersionIdMarker;
  }
}

/** What "empty and delete" would remove: every version and every delete marker. */
export async function countForEmpty(ctx: BucketContext, bucket: string): Promise<EmptyBucketCount> {
  const count = { versions: 0, deleteMarkers: 0 };
  try {
    await forEachVersionPage(ctx, bucket, async ({ versions, markers }) => {
      count.versions += versions.length - markers;
      count.deleteMarkers += markers;
    });
  } catch (error) {
    throw explain(error, 'listingVersions');
  }
  return count;
}

/**
 * Deletes a bucket. Without `empty` a bucket with content is refused politely; with it,
 * every version and delete marker is removed first. `confirmName` must repeat the name.
 */
export async function deleteBucket(
  ctx: BucketContext,
  bucket: string,
  options: { empty: boolean; confirmName?: string },
  onProgress: (removed: number) => void = () => undefined,
): Promise<void> {
  const { client } = ctx;
  if (options.empty) {
    if (options.confirmName !== bucket) {
      throw codedError('invalidInput', 'coreBuckets:confirmName');
    }
    let removed = 0;
    try {
      // Deleting while paging shifts the markers: list from the start until nothing is left.
      for (;;) {
        const page = await client.send(new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: 1000 }));
        const batch = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => ({ Key: v.Key!, VersionId: v.VersionId }));
        if (batch.length === 0) break;
        const out = await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch, Quiet: true } }));
        if (out.Errors?.length) {
          const first = out.Errors[0]!;
          const detail = first.Message ?? first.Code;
          throw detail
            ? codedError('permission', 'coreBuckets:deleteRefused', { key: first.Key ?? '', detail })
            : codedError('permission', 'coreBuckets:deleteRefusedNoReason', { key: first.Key ?? '' });
        }
        removed += batch.length;
        onProgress(removed);
      }
    } catch (error) {
      throw explain(error, 'emptying');
    }
  }
  try {
    await client.send(new DeleteBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (errorName(error) === 'BucketNotEmpty') {
      throw codedError('conflict', 'coreBuckets:notEmpty', { bucket }, error);
    }
    throw explain(error, 'deleting');
  }
}

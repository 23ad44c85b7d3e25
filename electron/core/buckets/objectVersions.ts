import { DeleteObjectCommand, ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import type { ObjectVersion } from '../../../shared/buckets.js';
import { codedError } from '../errors.js';
import type { BucketContext } from './bucketContext.js';
import { copyInPlace } from './copyInPlace.js';
import { lockedDeleteReason } from './objectLock.js';
import { explain } from './panel.js';

/** Every version and delete marker of one key, newest first. */
export async function listVersions({ client }: BucketContext, bucket: string, key: string): Promise<ObjectVersion[]> {
  const out: ObjectVersion[] = [];
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  try {
    for (;;) {
      const page = await client.send(
        new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker }),
      );
      for (const v of page.Versions ?? []) {
        if (v.Key !== key) continue;
        out.push({
          key,
          versionId: v.VersionId ?? 'null',
          isLatest: v.IsLatest ?? false,
          isDeleteMarker: false,
          size: v.Size ?? 0,
          modified: v.LastModified?.getTime() ?? 0,
          storageClass: v.StorageClass ?? 'STANDARD',
          ...(v.ETag ? { etag: v.ETag } : {}),
        });
      }
      for (const m of page.DeleteMarkers ?? []) {
        if (m.Key !== key) continue;
        out.push({
          key,
          versionId: m.VersionId ?? 'null',
          isLatest: m.IsLatest ?? false,
          isDeleteMarker: true,
          size: 0,
          modified: m.LastModified?.getTime() ?? 0,
        });
      }
      // Keys sharing the prefix come after ours in key order: stop once past it.
      const pastKey = page.NextKeyMarker !== undefined && page.NextKeyMarker !== key;
      if (!page.IsTruncated || pastKey) break;
      keyMarker = page.NextKeyMarker;
      versionIdMarker = page.NextVersionIdMarker;
    }
  } catch (error) {
    throw explain(error, 'versions');
  }
  return out.sort((a, b) => Number(b.isLatest) - Number(a.isLatest) || b.modified - a.modified);
}

/** Makes an older version the latest again by copying it over the key. */
export async function restoreVersion(ctx: BucketContext, bucket: string, key: string, versionId: string): Promise<void> {
  const versions = await listVersions(ctx, bucket, key);
  const version = versions.find((v) => v.versionId === versionId);
  if (!version) throw codedError('notFound', 'coreBuckets:versionGone');
  if (version.isDeleteMarker) throw codedError('invalidInput', 'coreBuckets:markerNoContent');
  await copyInPlace(ctx, bucket, key, { sourceVersionId: versionId });
}

/** Permanently deletes one version (or removes one delete marker). */
export async function deleteVersion(ctx: BucketContext, bucket: string, key: string, versionId: string): Promise<void> {
  try {
    await ctx.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }));
  } catch (error) {
    throw (await lockedDeleteReason(ctx, bucket, key, versionId, error)) ?? explain(error, 'deletingVersions');
  }
}

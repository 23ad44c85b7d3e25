/**
 * Deleted objects of a versioned bucket: keys whose latest version is a delete marker, with
 * an older version still there to bring back. "Restore" removes the markers on top of it.
 */
import { ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import type { FileEntry } from '../../../shared/files.js';
import { decodeListedKey } from '../s3/s3Keys.js';
import type { BucketContext } from './bucketContext.js';
import { deleteVersion, listVersions } from './objectVersions.js';
import { explain } from './panel.js';
import { codedError } from '../errors.js';

interface KeyState {
  /** The newest entry of the key is a delete marker. */
  deleted: boolean;
  /** When the newest marker was written. */
  deletedAt?: number;
  /** The newest real version under the markers: what a restore brings back. */
  previous?: { size: number; storageClass: string };
}

/**
 * The deleted objects directly in `prefix` (one folder level), as browser rows flagged
 * `deleted`. A key with only delete markers and no version left has nothing to restore:
 * it is not listed. The subfolders holding any version come too (flagged as well): the
 * browser keeps those its live listing lacks, so a folder whose objects were all deleted
 * can still be opened.
 */
export async function listDeletedObjects({ client }: BucketContext, bucket: string, prefix: string, signal?: AbortSignal): Promise<FileEntry[]> {
  const keys = new Map<string, KeyState>();
  const folders = new Set<string>();
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  try {
    do {
      const page = await client.send(
        new ListObjectVersionsCommand({
          Bucket: bucket,
          Prefix: prefix || undefined,
          Delimiter: '/',
          KeyMarker: keyMarker,
          VersionIdMarker: versionIdMarker,
          EncodingType: 'url',
        }),
        { abortSignal: signal },
      );
      const encoded = page.EncodingType === 'url';
      for (const p of page.CommonPrefixes ?? []) if (p.Prefix) folders.add(decodeListedKey(p.Prefix, encoded));
      const state = (rawKey: string) => {
        const key = decodeListedKey(rawKey, encoded);
        let s = keys.get(key);
        if (!s) keys.set(key, (s = { deleted: false }));
        return s;
      };
      for (const m of page.DeleteMarkers ?? []) {
        if (m.Key === undefined || !m.IsLatest) continue;
        const s = state(m.Key);
        s.deleted = true;
        s.deletedAt = m.LastModified?.getTime();
      }
      for (const v of page.Versions ?? []) {
        if (v.Key === undefined) continue;
        const s = state(v.Key);
        // Versions of a key arrive newest first; only the newest counts.
        if (!s.previous) s.previous = { size: v.Size ?? 0, storageClass: v.StorageClass ?? 'STANDARD' };
      }
      keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      versionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
    } while (keyMarker !== undefined);
  } catch (error) {
    throw explain(error, 'objectVersions');
  }
  const out: FileEntry[] = [...folders].map((p) => ({ name: p.slice(prefix.length, -1), path: `/${bucket}/${p}`, kind: 'folder', deleted: true }));
  for (const [key, s] of keys) {
    if (!s.deleted || !s.previous || key === prefix) continue;
    out.push({
      name: key.slice(prefix.length),
      path: `/${bucket}/${key}`,
      kind: 'file',
      size: s.previous.size,
      ...(s.deletedAt !== undefined ? { modified: s.deletedAt } : {}),
      storageClass: s.previous.storageClass,
      deleted: true,
    });
  }
  return out;
}

/** Delete markers stacked on one key are few; a bound keeps a misbehaving server from looping. */
const maxMarkers = 100;

/**
 * Brings a deleted object back: removes the delete marker on top, and the next while the
 * latest is still one, so the newest real version is current again. Answers how many
 * markers were removed. (The server's order decides what is "latest", not timestamps,
 * which can tie within a second.)
 */
export async function restoreDeleted(ctx: BucketContext, bucket: string, key: string): Promise<number> {
  let history = await listVersions(ctx, bucket, key);
  if (!history.find((v) => v.isLatest)?.isDeleteMarker) throw codedError('conflict', 'coreBuckets:notDeleted');
  if (!history.some((v) => !v.isDeleteMarker)) throw codedError('notFound', 'coreBuckets:nothingToRestore');
  let removed = 0;
  for (let latest = history.find((v) => v.isLatest); latest?.isDeleteMarker && removed < maxMarkers; latest = history.find((v) => v.isLatest)) {
    await deleteVersion(ctx, bucket, key, latest.versionId);
    removed += 1;
    history = await listVersions(ctx, bucket, key);
  }
  return removed;
}

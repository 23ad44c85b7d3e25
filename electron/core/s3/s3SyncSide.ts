import { GetBucketVersioningCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { splitS3Path } from '../../../shared/paths.js';
import { codedError } from '../errors.js';
import { eachLimited } from '../lib/eachLimited.js';
import { mtimeFromMetadata, mtimeMetadataKey } from '../lib/rcloneMtime.js';
import type { SideFile } from '../sync/compareRule.js';
import type { ExcludeTest } from '../sync/excludes.js';
import type { Listing, SyncSide } from '../sync/syncSide.js';
import { listPage } from './s3Listing.js';
import type { BucketClients } from './s3FreeTargets.js';
import { compareChecksums } from './s3SyncChecksums.js';
import { isDirectoryBucketOf } from './directoryBucketClients.js';

const headsInFlight = 16;

/** `/bucket/prefix/` as bucket and key prefix, the prefix ending in `/` (or empty: the whole bucket). */
function s3Root(remotePath: string): { bucket: string; prefix: string } {
  const { bucket, key } = splitS3Path(remotePath);
  if (!bucket) throw codedError('invalidInput', 'coreSync:noBucket');
  return { bucket, prefix: key && !key.endsWith('/') ? `${key}/` : key };
}

/** Every object under the prefix, without a delimiter: one request per 1000 keys, whatever the folders. */
async function listTree(buckets: BucketClients, remotePath: string, excluded: ExcludeTest, signal?: AbortSignal): Promise<Listing> {
  const { bucket, prefix } = s3Root(remotePath);
  const client = await buckets.clientFor(bucket);
  const files = new Map<string, SideFile>();
  let requests = 0;
  let cursor: string | undefined;
  do {
    const page = await listPage(client, bucket, prefix, { cursor, signal });
    requests++;
    for (const o of page.objects) {
      const rel = o.key.slice(prefix.length);
      // Folder markers (and folder objects, which no local file can be named) are not files here.
      if (!rel || rel.endsWith('/') || excluded.file(rel)) continue;
      files.set(rel, { relativePath: rel, size: o.size, writtenMs: o.modified ?? 0, etag: o.etag });
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { files, folders: new Set(), requests };
}

/** S3's side of a folder sync: delimiter-less listings, rclone's mtime metadata, versioning and ETags. */
export function s3SyncSide(buckets: BucketClients): SyncSide {
  return {
    listTree: (remotePath, excluded, signal) => listTree(buckets, remotePath, excluded, signal),

    // Objects look newer than a local file when they were uploaded after it changed; their
    // x-amz-meta-mtime (rclone's, or ours) says when the file itself changed: one HEAD each.
    async readOriginalMtimes(root, files, signal) {
      if (files.length === 0) return 0;
      const { bucket, prefix } = s3Root(root);
      const client = await buckets.clientFor(bucket);
      await eachLimited(files, headsInFlight, async (file) => {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: prefix + file.relativePath }), { abortSignal: signal });
        file.originalMtimeMs = mtimeFromMetadata(head.Metadata?.[mtimeMetadataKey]);
      });
      return files.length;
    },

    async keepsVersions(root) {
      const { bucket } = s3Root(root);
      const client = await buckets.clientFor(bucket);
      // Directory buckets have no versioning: a delete there is final.
      if (isDirectoryBucketOf(client, bucket)) return false;
      const out = await client.send(new GetBucketVersioningCommand({ Bucket: bucket }));
      return out.Status === 'Enabled' || out.Status === 'Suspended';
    },

    async compareChecksums(root, pairs, onProgress, signal) {
      const { bucket, prefix } = s3Root(root);
      const client = await buckets.clientFor(bucket);
      // A directory bucket's ETags are not MD5s: no verdict, and the time rule decides.
      if (isDirectoryBucketOf(client, bucket)) return { verdicts: new Map(), requests: 0 };
      return compareChecksums(pairs, { client, bucket, prefix, onProgress, signal });
    },
  };
}

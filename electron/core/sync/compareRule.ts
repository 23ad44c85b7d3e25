import type { SyncActionKind, SyncDirection, SyncReason } from '../../../shared/contract/sync.js';

/** One file on one side of a sync, as the listings give it. */
export interface SideFile {
  relativePath: string;
  size: number;
  /**
   * When this copy was last written: a local or SFTP file's modification time, an S3
   * object's LastModified (the upload's time, not the file's).
   */
  writtenMs: number;
  /** S3: the uploaded file's own modification time, rclone's x-amz-meta-mtime, when a HEAD has read it. */
  originalMtimeMs?: number;
  /** S3: the object's ETag, from the listing. */
  etag?: string;
}

/** S3's LastModified and SFTP's mtime count whole seconds: times closer than this are equal. */
export const writeTimeWindowMs = 1000;
/** x-amz-meta-mtime carries nanoseconds; a local file's mtime in milliseconds rounds. */
export const fileMtimeWindowMs = 1;

export interface Decision {
  kind: SyncActionKind;
  reason: SyncReason;
}

/**
 * The one compare rule, from the listings alone (no request per file), as rclone's
 * `--update` does it where it cannot read a modification time:
 * 1. missing on the destination: copy it;
 * 2. sizes differ: overwrite;
 * 3. the S3 object's original modification time known (rclone's
 *    x-amz-meta-mtime, against the local file's): equal means skip, different means overwrite;
 * 4. otherwise the source's time against when the destination was written: a source changed
 *    after the destination was written is copied again, anything else is the same file.
 * An upload writes the object after the local file last changed, so a run with no change
 * skips every file by rule 4 without a HEAD. A download whose S3 object looks newer than the
 * local file by rule 4 may be one rclone or Stowage uploaded from that very file: the plan
 * reads that object's x-amz-meta-mtime (one HEAD, only for these) and decides by rule 3.
 * In checksum mode, files of the same size whose checksums are both known are decided by
 * those alone (the session's `SyncSide`, s3/s3SyncChecksums.ts for S3), before rules 3 and 4.
 */
export function decide(direction: SyncDirection, source: SideFile, destination: SideFile | undefined, checksum?: 'same' | 'differs'): Decision {
  if (!destination) return { kind: direction, reason: 'new' };
  if (source.size !== destination.size) return { kind: 'overwrite', reason: 'sizeDiffers' };
  // Checksum mode: where both checksums are known, they alone decide.
  if (checksum) return checksum === 'same' ? { kind: 'skip', reason: 'sameChecksum' } : { kind: 'overwrite', reason: 'checksumDiffers' };
  // The S3 side's original time (read only for S3 objects) against the other side's file time.
  const [object, file] = source.originalMtimeMs !== undefined ? [source, destination] : [destination, source];
  if (object.originalMtimeMs !== undefined) {
    return Math.abs(object.originalMtimeMs - file.writtenMs) < fileMtimeWindowMs
      ? { kind: 'skip', reason: 'sameMtime' }
      : { kind: 'overwrite', reason: 'mtimeDiffers' };
  }
  return source.writtenMs > destination.writtenMs + writeTimeWindowMs ? { kind: 'overwrite', reason: 'sourceNewer' } : { kind: 'skip', reason: 'notOlder' };
}

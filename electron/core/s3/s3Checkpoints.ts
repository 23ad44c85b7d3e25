import type { Checkpoint } from '../transfers/jobContext.js';

/** What a resumed S3 multipart upload needs: the server's parts are confirmed with ListParts. */
export interface S3UploadCheckpoint extends Checkpoint {
  kind: 's3Upload';
  uploadId: string;
  partSize: number;
  /** The local file as it was when the upload started: a changed file starts over. */
  size: number;
  mtimeMs: number;
  /** Part numbers known done (progress only; ListParts is the truth). */
  doneParts: number[];
  /** A copy's source version (an S3 ETag): parts sent from another version are worthless. */
  sourceVersion?: string;
  /**
   * Set (and on disk) before CompleteMultipartUpload: the ETag the object will have (in a
   * directory bucket, whose ETags are opaque, its composite CRC32 `<crc>-<parts>`), so a
   * resume after a crash there, or a retry after a lost answer, knows the object as its own.
   */
  completing?: string;
}

/**
 * On disk before CreateMultipartUpload: if the core dies before the upload id is saved, the
 * next attempt finds the upload it started (by key and time) and aborts it.
 */
export interface S3UploadStartingCheckpoint extends Checkpoint {
  kind: 's3UploadStarting';
  startedAt: number;
}

/** A ranged download into `.part`: which bytes are on disk, for which object version, and how they hashed. */
export interface RangesCheckpoint extends Checkpoint {
  kind: 'ranges';
  etag?: string;
  size: number;
  /** Sorted, merged [start, end) ranges written to the `.part`. */
  done: [number, number][];
  /** The size of the pieces `hashes` counts (the last one is shorter). */
  pieceSize?: number;
  /** Piece index → MD5 (hex) of its bytes as they arrived, for pieces fetched whole in one request. */
  hashes?: Record<string, string>;
}

export type S3Checkpoint = S3UploadCheckpoint | S3UploadStartingCheckpoint | RangesCheckpoint;

const s3Kinds: ReadonlySet<string> = new Set<S3Checkpoint['kind']>(['s3Upload', 's3UploadStarting', 'ranges']);

/** The S3 driver's own checkpoint, or undefined for none or another kind (the queue's `landed`). */
export function s3CheckpointOf(checkpoint: Checkpoint | undefined): S3Checkpoint | undefined {
  return isS3Checkpoint(checkpoint) ? checkpoint : undefined;
}

function isS3Checkpoint(checkpoint: Checkpoint | undefined): checkpoint is S3Checkpoint {
  return checkpoint !== undefined && s3Kinds.has(checkpoint.kind);
}

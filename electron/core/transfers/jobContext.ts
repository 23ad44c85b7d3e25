import type { UploadOptions } from '../../../shared/transfers.js';
import type { TransferContext } from '../fs/remoteFileSystem.js';

/** What a resumed S3 multipart upload needs: the server's parts are confirmed with ListParts. */
export interface S3UploadCheckpoint {
  kind: 's3Upload';
  uploadId: string;
  partSize: number;
  /** The local file as it was when the upload started: a changed file starts over. */
  size: number;
  mtimeMs: number;
  /** Part numbers known done (progress only; ListParts is the truth). */
  doneParts: number[];
  /** Set (and on disk) before CompleteMultipartUpload: the ETag the object will have, so a resume after a crash there sees it is done. */
  completing?: string;
}

/**
 * On disk before CreateMultipartUpload: if the core dies before the upload id is saved, the
 * next attempt finds the upload it started (by key and time) and aborts it.
 */
export interface S3UploadStartingCheckpoint {
  kind: 's3UploadStarting';
  startedAt: number;
}

/** On disk before a verified file is renamed into place: a crash there needs only the rename. */
export interface LandedCheckpoint {
  kind: 'landed';
  size: number;
}

/** A ranged download into `.part`: which bytes are on disk, for which object version, and how they hashed. */
export interface RangesCheckpoint {
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

/** A sequential-prefix resume (SFTP): every byte below `offset` is in place. */
export interface OffsetCheckpoint {
  kind: 'offset';
  offset: number;
  size?: number;
  mtimeMs?: number;
}

export type Checkpoint = S3UploadCheckpoint | S3UploadStartingCheckpoint | RangesCheckpoint | OffsetCheckpoint | LandedCheckpoint;

/** The queue's extras on top of a driver's TransferContext. */
export interface JobExtras {
  checkpoint?: Checkpoint;
  /** Saves where the transfer got to (persisted with the queue); undefined clears it. */
  saveCheckpoint(checkpoint: Checkpoint | undefined): void;
  /** Saves it and waits until it is on disk: for a step a crash must not lose (an upload id before its first part). */
  saveCheckpointNow(checkpoint: Checkpoint | undefined): Promise<void>;
  /** Waits until the bandwidth limit allows `bytes` more. */
  throttle(bytes: number): Promise<void>;
  uploadOptions?: UploadOptions;
  partsInFlight: number;
  verifyChecksums: boolean;
  /** A note for the transfer's details. */
  note(detail: string): void;
  /** S3: uploads at least this big go in parts (undefined: the driver's own default). */
  multipartThreshold?: number;
  /** S3: preferred part size; 0 or undefined = automatic. */
  partSize?: number;
  /** SFTP: copy the source's permission bits to the target. */
  preservePermissions: boolean;
}

export type JobContext = TransferContext & JobExtras;

/** A driver context may come from elsewhere (tests, other callers): fill in harmless defaults. */
export function extrasOf(given: TransferContext): JobExtras {
  return {
    checkpoint: given.checkpoint,
    saveCheckpoint: given.saveCheckpoint ?? (() => undefined),
    saveCheckpointNow: given.saveCheckpointNow ?? (async () => undefined),
    throttle: given.throttle ?? (async () => undefined),
    uploadOptions: given.uploadOptions,
    partsInFlight: given.partsInFlight ?? 6,
    verifyChecksums: given.verifyChecksums ?? true,
    note: given.note ?? (() => undefined),
    multipartThreshold: given.multipartThreshold,
    partSize: given.partSize,
    preservePermissions: given.preservePermissions ?? false,
  };
}

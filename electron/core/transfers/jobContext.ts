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
}

/** A ranged download into `.part`: which byte ranges are on disk, for which object version. */
export interface RangesCheckpoint {
  kind: 'ranges';
  etag?: string;
  size: number;
  /** Sorted, merged [start, end) ranges written to the `.part`. */
  done: [number, number][];
}

/** A sequential-prefix resume (SFTP): every byte below `offset` is in place. */
export interface OffsetCheckpoint {
  kind: 'offset';
  offset: number;
  size?: number;
  mtimeMs?: number;
}

export type Checkpoint = S3UploadCheckpoint | RangesCheckpoint | OffsetCheckpoint;

/** The queue's extras on top of a driver's TransferContext. */
export interface JobExtras {
  checkpoint?: Checkpoint;
  /** Saves where the transfer got to (persisted with the queue); undefined clears it. */
  saveCheckpoint(checkpoint: Checkpoint | undefined): void;
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
export function extrasOf(ctx: TransferContext): JobExtras {
  const given = ctx as Partial<JobExtras>;
  return {
    checkpoint: given.checkpoint,
    saveCheckpoint: given.saveCheckpoint ?? (() => undefined),
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

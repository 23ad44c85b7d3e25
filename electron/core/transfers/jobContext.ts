import type { CoreMessage } from '../../../shared/i18n/englishMessages.js';
import type { UploadOptions } from '../../../shared/transfers.js';
import type { TransferContext } from '../fs/remoteFileSystem.js';

/**
 * Where a transfer got to, saved with the queue and handed to its next attempt. The queue
 * reads only its own kind, `landed`; every other kind belongs to the protocol driver that
 * wrote it (`s3/s3Checkpoints.ts`, `sftp/sftpCheckpoints.ts`), which alone reads it.
 */
export interface Checkpoint {
  readonly kind: string;
}

/** On disk before a verified file is renamed into place: a crash there needs only the rename. */
export interface LandedCheckpoint extends Checkpoint {
  kind: 'landed';
  size: number;
}

export function isLanded(checkpoint: Checkpoint | undefined): checkpoint is LandedCheckpoint {
  return checkpoint?.kind === 'landed';
}

/** The queue's extras on top of a driver's TransferContext. */
export interface JobExtras {
  checkpoint?: Checkpoint;
  /** Saves where the transfer got to (persisted with the queue); undefined clears it. */
  saveCheckpoint<C extends Checkpoint>(checkpoint: C | undefined): void;
  /** Saves it and waits until it is on disk: for a step a crash must not lose (an upload id before its first part). */
  saveCheckpointNow<C extends Checkpoint>(checkpoint: C | undefined): Promise<void>;
  /** Waits until the bandwidth limit allows `bytes` more. */
  throttle(bytes: number): Promise<void>;
  /** True while a bandwidth limit applies to this transfer's direction. */
  bandwidthLimited(): boolean;
  uploadOptions?: UploadOptions;
  partsInFlight: number;
  verifyChecksums: boolean;
  /** A note for the transfer's details (`coreMessage(...)`). */
  note(message: CoreMessage): void;
  /** S3: uploads at least this big go in parts (undefined: the driver's own default). */
  multipartThreshold?: number;
  /** S3: preferred part size; 0 or undefined = automatic. */
  partSize?: number;
  /** SFTP: copy the source's permission bits to the target. */
  preservePermissions: boolean;
  /**
   * The queue found nothing at an upload's or copy's target: a server that can refuses the
   * write if something is there by now (S3's If-None-Match), and the driver throws
   * TargetAppearedError.
   */
  onlyIfAbsent: boolean;
}

export type JobContext = TransferContext & JobExtras;

/** A driver context may come from elsewhere (tests, other callers): fill in harmless defaults. */
export function extrasOf(given: TransferContext): JobExtras {
  return {
    checkpoint: given.checkpoint,
    saveCheckpoint: given.saveCheckpoint ?? (() => undefined),
    saveCheckpointNow: given.saveCheckpointNow ?? (async () => undefined),
    throttle: given.throttle ?? (async () => undefined),
    bandwidthLimited: given.bandwidthLimited ?? (() => false),
    uploadOptions: given.uploadOptions,
    partsInFlight: given.partsInFlight ?? 6,
    verifyChecksums: given.verifyChecksums ?? true,
    note: given.note ?? (() => undefined),
    multipartThreshold: given.multipartThreshold,
    partSize: given.partSize,
    preservePermissions: given.preservePermissions ?? false,
    onlyIfAbsent: given.onlyIfAbsent ?? false,
  };
}

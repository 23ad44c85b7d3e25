import type { IpcError } from './errors.js';

/** Which way bytes move: the direction conflicts, bandwidth limits and "apply to all" belong to. */
export type TransferDirection = 'upload' | 'download';

/** What a queued job does: move bytes up or down, or change an S3 object's storage class in place. */
export type TransferKind = TransferDirection | 'storageClass';

/** `waiting`: the target exists and the user is asked what to do (see TransferConflict). */
export type TransferState = 'queued' | 'running' | 'paused' | 'waiting' | 'completed' | 'failed' | 'cancelled';

export const finishedStates: readonly TransferState[] = ['completed', 'failed', 'cancelled'];
/** Still to do and not held by the user: queued, running, or waiting for a conflict answer. */
export const underwayStates: readonly TransferState[] = ['queued', 'running', 'waiting'];

/** What to do when the target of a transfer already exists. */
export type ConflictChoice = 'overwrite' | 'skip' | 'rename' | 'resume' | 'newer';
export type ConflictPolicy = 'ask' | ConflictChoice;

/** Per-upload object settings (S3; ignored by SFTP). */
export interface UploadOptions {
  storageClass?: string;
  /** Detected from the name when not given. */
  contentType?: string;
  cacheControl?: string;
  metadata?: Record<string, string>;
}

export interface TransferSettings {
  /** Files moving at once; small S3 files (one request each) may run a few times as many. */
  filesInParallel: number;
  /** S3 parts (or ranged GETs) in flight per file. */
  partsInFlight: number;
  /** Bytes per second across the whole queue; 0 = no limit. */
  uploadLimit: number;
  downloadLimit: number;
  /** What to do when a target exists, unless the user answers otherwise. */
  conflictPolicy: ConflictPolicy;
  /** Automatic retries of network errors, 5xx and throttling, with exponential backoff. */
  retries: number;
  /** Checks uploads with Content-MD5 and downloads against the ETag/size. */
  verifyChecksums: boolean;
  /** S3 uploads at least this big go in parts. */
  multipartThreshold: number;
  /** Preferred S3 part size; 0 = automatic (8 to 64 MiB, growing with the file). Raised when needed so a file fits in 10,000 parts. */
  partSize: number;
  /** SFTP: give the copy the source file's permission bits. */
  preservePermissions: boolean;
}

export const defaultTransferSettings: TransferSettings = {
  filesInParallel: 4,
  partsInFlight: 6,
  uploadLimit: 0,
  downloadLimit: 0,
  conflictPolicy: 'ask',
  retries: 6,
  verifyChecksums: true,
  multipartThreshold: 16 * 1024 * 1024,
  partSize: 0,
  preservePermissions: false,
};

export interface FileFacts {
  size?: number;
  /** Milliseconds since the epoch. */
  modifiedAt?: number;
}

/** The question shown when a target exists. */
export interface TransferConflict {
  id: string;
  direction: TransferDirection;
  name: string;
  /** Where the transfer would write. */
  targetPath: string;
  source: FileFacts;
  target: FileFacts;
  /** A partial copy exists that the transfer can continue. */
  canResume: boolean;
}

export interface TransferSnapshot {
  id: string;
  /** The job's kind (named `direction` from when there were two, so saved queues still load). */
  direction: TransferKind;
  connectionId: string;
  /** What the user sees: the file's base name. */
  name: string;
  /** Empty for a storage class change: nothing local is involved. */
  localPath: string;
  remotePath: string;
  /** A storage class change: the class the object is given. */
  storageClass?: string;
  /** Bytes in the whole transfer, once known. */
  size?: number;
  bytesDone: number;
  /** Bytes per second, smoothed. */
  rate: number;
  etaSeconds?: number;
  state: TransferState;
  error?: IpcError;
  /** A note shown in the transfer's details (e.g. "server refused parallel writes; sent sequentially"). */
  detail?: string;
  /** Set while the state is `waiting`. */
  conflict?: TransferConflict;
  uploadOptions?: UploadOptions;
  /** Automatic retries used by the current attempt. */
  retries?: number;
  createdAt: number;
  finishedAt?: number;
  /** Time spent running, over every attempt (pauses and conflict questions left out). */
  activeMs?: number;
}

/** The throttled per-transfer update sent to windows while bytes move. */
export interface TransferProgress {
  id: string;
  bytesDone: number;
  size?: number;
  rate: number;
  etaSeconds?: number;
  state: TransferState;
}

/** An S3 multipart upload that was started and never completed or aborted. */
export interface IncompleteUpload {
  key: string;
  uploadId: string;
  initiated?: number;
  storageClass?: string;
  /** Parts the server holds, and their total size (when it could be listed). */
  parts?: number;
  bytes?: number;
}

import type { IpcError } from './errors.js';
import type { CoreMessage } from './i18n/englishMessages.js';

/** Which way bytes move: the direction conflicts, bandwidth limits and "apply to all" belong to. */
export type TransferDirection = 'upload' | 'download';

/** What a queued job does: move bytes up or down, copy them from one remote place to another, or change an S3 object's storage class in place. */
export type TransferKind = TransferDirection | 'copy' | 'storageClass';

/** Where a copy reads from: a file on another connection (or elsewhere on the same one). */
export interface CopySourceRef {
  connectionId: string;
  path: string;
}

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
  /** Files moving at once, whatever their size. */
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
  // Small files spend their time waiting on round trips, so they want many at once: aws-cli
  // runs 10 requests at a time. A large file's own parts in flight are on top of this.
  filesInParallel: 10,
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
  /** A copy between places (its direction is `upload`: it writes on a server), worded as a copy. */
  copy?: boolean;
  name: string;
  /** Where the transfer would write. */
  targetPath: string;
  source: FileFacts;
  target: FileFacts;
  /** A partial copy exists that the transfer can continue. */
  canResume: boolean;
}

/** The folder a transfer's file came with: the panel shows a folder's files as one row. */
export interface TransferFolder {
  /** Shared by the files of one folder of one upload or download request. */
  id: string;
  name: string;
  /** The folder on this computer: the source of an upload, the target of a download. */
  localPath: string;
  /** The folder on the server: the target of an upload or a copy, the source of a download. */
  remotePath: string;
  /** A copy's folder where it is read from (on the source connection). */
  sourcePath?: string;
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
  /** A copy: the file it reads (`connectionId` and `remotePath` are where it writes). */
  copySource?: CopySourceRef;
  /** A copy that deletes its source once the copy is verified. */
  move?: boolean;
  /** Bytes in the whole transfer, once known. */
  size?: number;
  bytesDone: number;
  /** Bytes per second, smoothed. */
  rate: number;
  etaSeconds?: number;
  state: TransferState;
  error?: IpcError;
  /** Notes shown in the transfer's details, in order (e.g. "Server refused parallel requests; sent sequentially."). */
  detail?: CoreMessage[];
  /** Set while the state is `waiting`. */
  conflict?: TransferConflict;
  /** Set when the file is part of a folder the user transferred. */
  folder?: TransferFolder;
  uploadOptions?: UploadOptions;
  /** Automatic retries used by the current attempt. */
  retries?: number;
  createdAt: number;
  finishedAt?: number;
  /** Time spent running, over every attempt (pauses and conflict questions left out). */
  activeMs?: number;
}

/** A transfer's notes in English, one after another (for logs and tests; the window shows each in its language). */
export const detailText = (t: Pick<TransferSnapshot, 'detail'>): string => t.detail?.map((m) => m.text).join(' ') ?? '';

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

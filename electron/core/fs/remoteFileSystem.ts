import type { DeleteReport, FileEntry, ListPage, Protocol, TreeSummary } from '../../../shared/files.js';
import type { CoreMessage } from '../../../shared/i18n/englishMessages.js';
import type { TransferSnapshot } from '../../../shared/transfers.js';
import type { Checkpoint, JobContext, JobExtras } from '../transfers/jobContext.js';
import type { CopyEnds } from '../copy/copyEnds.js';
import type { SyncSide } from '../sync/syncSide.js';

/**
 * One browser model for both protocols: the UI and the transfer engine speak to this.
 * Bucket settings and other protocol-specific services live beside it, not in it.
 */
export interface RemoteFileSystem {
  readonly protocol: Protocol;
  /** Where browsing starts: `/` for S3 (the bucket list), the user's home for SFTP. */
  readonly homePath: string;
  list(path: string, cursor?: string): Promise<ListPage>;
  stat(path: string): Promise<FileEntry>;
  mkdir(parentPath: string, name: string): Promise<FileEntry>;
  /** Counts what a delete/copy of these paths would touch (folders recursively). */
  summarize(paths: string[], signal?: AbortSignal): Promise<TreeSummary>;
  /** Deletes files and whole folders; per-item failures are reported, not thrown. */
  delete(paths: string[], onProgress?: (deleted: number) => void, signal?: AbortSignal): Promise<DeleteReport>;
  /** Moves or renames a file or a whole folder to `to` (same connection). */
  rename(from: string, to: string, onProgress?: (done: number) => void, signal?: AbortSignal): Promise<void>;
  /** Copies a file or a whole folder to `to` (same connection). */
  copy(from: string, to: string, onProgress?: (done: number) => void, signal?: AbortSignal): Promise<void>;
}

/** Byte progress reported by a running transfer. */
export type ProgressSink = (bytesDone: number) => void;

/**
 * What a driver is given for one transfer. The queue fills in every extra; other callers
 * (tests, the drag-out) may give only the signal and progress, so the extras are optional
 * here and `extrasOf` supplies harmless defaults.
 */
export interface TransferContext extends Partial<JobExtras> {
  signal: AbortSignal;
  onProgress: ProgressSink;
}

/** One queued upload or download as a driver's attempt sees it. */
export interface AttemptJob {
  /** The job's snapshot; a driver may set `size` once it learns it. */
  readonly snapshot: TransferSnapshot;
  /** The same connection's file system, for the stat, rename or delete a resume needs. */
  readonly fs: RemoteFileSystem;
  /** True once the user cancelled (not paused): partial work is not worth keeping then. */
  isCancelled(): boolean;
  /** Runs a download into a `.part` beside the target and renames it once complete. */
  viaPart(move: (part: string) => Promise<void>): Promise<void>;
}

/** How an upload into an existing target continues, with the sentence the user sees. */
export interface UploadResume {
  checkpoint: Checkpoint;
  detail: CoreMessage;
}

/** Changing an object's storage class in place, on protocols that have storage classes. */
export interface StorageClassChanger {
  /** One target per object: folders and buckets are listed now. */
  targets(paths: string[]): Promise<{ path: string; size?: number }[]>;
  /** Copies the object onto itself with the new class; progress counts copied bytes of `size`. */
  change(remotePath: string, storageClass: string, ctx: { signal: AbortSignal; onProgress(copied: number, size: number): void }): Promise<'copied' | 'unchanged'>;
}

/**
 * Moves one file's bytes, each protocol its own fast way, and declares what the transfer
 * queue needs to know about resuming and scheduling on it. The queue speaks only to this:
 * a protocol adds a driver in its own folder and nothing in the queue changes.
 */
export interface FileTransferDriver {
  upload(localPath: string, remotePath: string, ctx: TransferContext): Promise<void>;
  /** Writes the remote file to `localPath` (the caller picks a `.part` name and renames). */
  download(remotePath: string, localPath: string, ctx: TransferContext): Promise<void>;
  /** One attempt at a queued upload or download, resuming from `ctx.checkpoint` in the protocol's own way. */
  runAttempt(job: AttemptJob, ctx: JobContext): Promise<void>;
  /** Removes what an unfinished upload left on the server (kept parts, a part file); nothing when there is none. */
  discardPartialUpload(fs: RemoteFileSystem, remotePath: string, checkpoint: Checkpoint | undefined): Promise<void>;
  /**
   * True for a checkpoint that stands for work on the server nothing names yet (an S3
   * multipart upload started just before a crash): the queue clears it as soon as the
   * connection is up instead of leaving it until the job runs again.
   */
  leftUnnamedWork(checkpoint: Checkpoint): boolean;
  /** Whether an upload onto an existing target can continue what is there. */
  canResumeUpload(remotePath: string, targetIsSmaller: boolean): Promise<boolean>;
  /** Sets up continuing an upload onto an existing target of `have` bytes; undefined when nothing can be continued. */
  resumeUpload(fs: RemoteFileSystem, remotePath: string, localPath: string, have: number): Promise<UploadResume | undefined>;
  /** The checkpoint of a download that continues a local file holding the first `have` of `size` bytes. */
  resumeDownload(have: number, size: number): Checkpoint;
  /** Upload targets known to be free without a request per file; empty when nothing is known. */
  freeTargets(remoteFolder: string, remotePaths: string[]): Promise<Set<string>>;
  /**
   * Uploads `localPath` over `remotePath` only while the remote file is still `expected` (the
   * entry `stat` gave when it was read), for "edit in local editor": a save never overwrites
   * someone else's change. Each protocol guards it as well as its server allows. Answers the
   * file as this write left it; throws `RemoteChangedError` when it changed or is gone.
   */
  replaceIfUnchanged(fs: RemoteFileSystem, localPath: string, remotePath: string, expected: FileEntry, signal: AbortSignal): Promise<FileEntry>;
  /** Present on protocols with storage classes. */
  readonly storageClasses?: StorageClassChanger;
}

/** A live connection: what the connection manager hands out per connection id. */
export interface RemoteSession {
  readonly fs: RemoteFileSystem;
  readonly transfers: FileTransferDriver;
  /** Reading and writing files for copies between places (another connection, account or server). */
  readonly copy?: CopyEnds;
  /** What the store tells a folder sync better than a walk; without it, sync walks `fs`. */
  readonly sync?: SyncSide;
  close(): Promise<void>;
}

/**
 * Whether a path names a folder by its form alone, so no request is needed to know it:
 * an S3 key ending in `/`. Undefined where only the server can say.
 */
export function folderByName(fs: RemoteFileSystem, path: string): boolean | undefined {
  return fs.protocol === 's3' ? path.endsWith('/') : undefined;
}

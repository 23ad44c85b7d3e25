import type { SideFile } from './compareRule.js';
import type { ExcludeTest } from './excludes.js';

/** One side's files by relative path; `folders` are the remote folders that exist (SFTP uploads need their parents). */
export interface Listing<F extends SideFile = SideFile> {
  files: Map<string, F>;
  folders: Set<string>;
  /** Requests sent to list it (0 for the local disk). */
  requests: number;
  /** The folder is not there (an SFTP folder; an S3 prefix cannot tell). */
  missing?: boolean;
}

/** A local file and the remote file of the same size it is compared with by content. */
export interface ChecksumPair {
  relativePath: string;
  localPath: string;
  size: number;
  remote: SideFile;
}

export interface ChecksumOutcome {
  /** By relative path: whether the local file has the remote file's content. Files not named here could not be compared. */
  verdicts: Map<string, 'same' | 'differs'>;
  /** Requests sent to learn how to compare. */
  requests: number;
}

/**
 * What a protocol's store tells a folder sync better than a walk of its folders does. A
 * session without one is listed folder by folder through its file system, and compared by
 * size and time only.
 */
export interface SyncSide {
  /** Every file under the folder (S3: one request per 1,000 keys, whatever the folders). */
  listTree(remotePath: string, excluded: ExcludeTest, signal?: AbortSignal): Promise<Listing>;
  /**
   * Sets `originalMtimeMs` on files whose listing says when they were written, not when the
   * file itself last changed (S3: rclone's x-amz-meta-mtime). Answers the requests sent.
   */
  readOriginalMtimes(root: string, files: SideFile[], signal?: AbortSignal): Promise<number>;
  /** Whether a delete under the folder leaves the older versions behind (a versioned bucket). */
  keepsVersions(root: string): Promise<boolean>;
  /** Compares local files with this side's by content, reading each local file once. */
  compareChecksums(root: string, pairs: ChecksumPair[], onProgress: (done: number, total: number) => void, signal?: AbortSignal): Promise<ChecksumOutcome>;
}

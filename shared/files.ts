/** `local` is this computer's disk, browsed like the others (electron/core/local/). */
export type Protocol = 's3' | 'sftp' | 'local';

export type EntryKind = 'bucket' | 'folder' | 'file' | 'symlink';

/**
 * One row of a folder listing. Paths are protocol-shaped: S3 paths are
 * `/bucket/key` with folders ending in `/`; SFTP paths are absolute POSIX paths.
 */
export interface FileEntry {
  name: string;
  path: string;
  kind: EntryKind;
  size?: number;
  /** Epoch milliseconds. */
  modified?: number;
  storageClass?: string;
  etag?: string;
  /** POSIX mode bits (SFTP). */
  permissions?: number;
  owner?: string;
  group?: string;
  linkTarget?: string;
  linkTargetKind?: 'file' | 'folder' | 'broken';
  /** S3 bucket region, when known. */
  region?: string;
  /**
   * S3: an object whose key ends in `/` and holds bytes, shown inside the folder its key
   * names. Its path ends in `/`, which folder operations take as the whole folder.
   */
  folderObject?: true;
  /**
   * S3, versioned bucket: the object's latest version is a delete marker. Listed only when
   * the browser shows deleted objects; its size and class are of the version a restore brings back.
   */
  deleted?: true;
}

export interface ListPage {
  entries: FileEntry[];
  /** Present when more entries follow: pass it back to get the next page. */
  nextCursor?: string;
  /** The server lists in no name order (S3 directory buckets): gather every page, then sort. */
  unordered?: true;
}

export interface TreeSummary {
  files: number;
  folders: number;
  bytes: number;
}

export interface DeleteReport {
  deleted: number;
  failed: PathFailure[];
}

/** What went wrong with one path of many: the English sentence, and its catalog code for the user's language. */
export interface PathFailure {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

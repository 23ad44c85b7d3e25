import type { DeleteReport, FileEntry, ListPage, Protocol, TreeSummary } from '../../../shared/files.js';

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

export interface TransferContext {
  signal: AbortSignal;
  onProgress: ProgressSink;
}

/** Moves one file's bytes; each protocol implements it its own fast way. */
export interface FileTransferDriver {
  upload(localPath: string, remotePath: string, ctx: TransferContext): Promise<void>;
  /** Writes the remote file to `localPath` (the caller picks a `.part` name and renames). */
  download(remotePath: string, localPath: string, ctx: TransferContext): Promise<void>;
}

/** A live connection: what the connection manager hands out per connection id. */
export interface RemoteSession {
  readonly fs: RemoteFileSystem;
  readonly transfers: FileTransferDriver;
  close(): Promise<void>;
}

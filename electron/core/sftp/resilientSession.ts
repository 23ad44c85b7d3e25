import type { CatalogText } from '../../../shared/i18n/catalogText.js';
import type { DeleteReport, FileEntry, ListPage, TreeSummary } from '../../../shared/files.js';
import type { ChmodReport } from '../../../shared/contract/sftp.js';
import type { FileTransferDriver, RemoteFileSystem, RemoteSession, TransferContext } from '../fs/remoteFileSystem.js';
import { codedError, isAppError, type AppError } from '../errors.js';
import type { PresentedHostKey } from './hostKey.js';
import type { SftpSession } from './sftpSession.js';
import { SftpDriverBase } from './sftpDriverBase.js';
import type { CopyEnds } from '../copy/copyEnds.js';
import { reconnectingCopyEnds } from './sftpCopyStream.js';
import type { SftpTransferOptions } from './sftpTransferDriver.js';

/**
 * An SFTP session that survives a dropped connection: the next call logs in again (same
 * host key only) and read-only calls that failed because of the drop are retried once.
 * Changes (delete, rename...) are not retried: the server may have done them before the drop.
 */
export class ResilientSftpSession implements RemoteSession {
  readonly fs: ResilientSftpFileSystem;
  readonly transfers: FileTransferDriver;
  readonly copy: CopyEnds = reconnectingCopyEnds(() => this.live());
  private reopening: Promise<SftpSession> | undefined;
  private closedByUser = false;

  constructor(
    private current: SftpSession,
    private readonly reopen: () => Promise<SftpSession>,
    /** Called when the connection dropped and could not be made again. */
    private readonly onLost: (error: AppError) => void = () => undefined,
  ) {
    this.fs = new ResilientSftpFileSystem(this);
    // A transfer cut off by a drop fails; the transfer queue retries it from its checkpoint,
    // and that attempt runs on the new connection.
    this.transfers = new ResilientSftpTransfers(this);
  }

  get warnings(): CatalogText[] {
    return this.current.warnings;
  }

  get hostKey(): PresentedHostKey {
    return this.current.hostKey;
  }

  get homePath(): string {
    return this.current.homePath;
  }

  /** The live session; logs in again first when the connection has dropped. */
  async live(): Promise<SftpSession> {
    if (this.closedByUser) throw codedError('network', 'coreSftp:notConnected');
    if (!this.current.closed) return this.current;
    this.reopening ??= this.reopen().finally(() => {
      this.reopening = undefined;
    });
    try {
      this.current = await this.reopening;
      return this.current;
    } catch (error) {
      const reason = isAppError(error) ? error : codedError('network', 'coreSftp:reconnectFailed');
      this.onLost(reason);
      throw reason;
    }
  }

  /** Runs `work`; when it failed because the connection dropped, once more on a new one. */
  async run<T>(work: (session: SftpSession) => Promise<T>, retry: boolean): Promise<T> {
    const session = await this.live();
    try {
      return await work(session);
    } catch (error) {
      if (!retry || !session.closed || this.closedByUser) throw error;
      return work(await this.live());
    }
  }

  async close(): Promise<void> {
    this.closedByUser = true;
    await this.current.close();
  }
}

/**
 * The transfer driver of a connection that reconnects: each move runs on the live
 * connection, logging in again first when it dropped. The attempt's parallel-or-sequential
 * logic runs here, so a sequential retry also lands on the live connection.
 */
class ResilientSftpTransfers extends SftpDriverBase {
  constructor(private readonly session: ResilientSftpSession) {
    super();
  }

  async upload(local: string, remote: string, ctx: TransferContext, options?: SftpTransferOptions): Promise<void> {
    return (await this.session.live()).transfers.upload(local, remote, ctx, options);
  }

  async download(remote: string, local: string, ctx: TransferContext, options?: SftpTransferOptions): Promise<void> {
    return (await this.session.live()).transfers.download(remote, local, ctx, options);
  }
}

export class ResilientSftpFileSystem implements RemoteFileSystem {
  readonly protocol = 'sftp' as const;

  constructor(private readonly session: ResilientSftpSession) {}

  get homePath(): string {
    return this.session.homePath;
  }

  list(path: string, cursor?: string): Promise<ListPage> {
    // A cursor belongs to the old connection: after a drop, that listing has to start over.
    return this.session.run((s) => s.fs.list(path, cursor), cursor === undefined);
  }

  stat(path: string): Promise<FileEntry> {
    return this.session.run((s) => s.fs.stat(path), true);
  }

  mkdir(parentPath: string, name: string): Promise<FileEntry> {
    return this.session.run((s) => s.fs.mkdir(parentPath, name), false);
  }

  summarize(paths: string[], signal?: AbortSignal): Promise<TreeSummary> {
    return this.session.run((s) => s.fs.summarize(paths, signal), true);
  }

  delete(paths: string[], onProgress?: (deleted: number) => void, signal?: AbortSignal): Promise<DeleteReport> {
    return this.session.run((s) => s.fs.delete(paths, onProgress, signal), false);
  }

  rename(from: string, to: string, onProgress?: (done: number) => void): Promise<void> {
    return this.session.run((s) => s.fs.rename(from, to, onProgress), false);
  }

  copy(from: string, to: string, onProgress?: (done: number) => void, signal?: AbortSignal): Promise<void> {
    return this.session.run((s) => s.fs.copy(from, to, onProgress, signal), false);
  }

  createFile(parentPath: string, name: string): Promise<FileEntry> {
    return this.session.run((s) => s.fs.createFile(parentPath, name), false);
  }

  createSymlink(parentPath: string, name: string, target: string): Promise<FileEntry> {
    return this.session.run((s) => s.fs.createSymlink(parentPath, name, target), false);
  }

  chmod(path: string, mode: number, recursive = false, signal?: AbortSignal): Promise<ChmodReport> {
    return this.session.run((s) => s.fs.chmod(path, mode, recursive, signal), false);
  }
}

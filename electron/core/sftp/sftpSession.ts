import type { CatalogText } from '../../../shared/i18n/catalogText.js';
import type { Client } from 'ssh2';
import type { RemoteSession } from '../fs/remoteFileSystem.js';
import type { CopyEnds } from '../copy/copyEnds.js';
import { sftpCopyEnds } from './sftpCopyStream.js';
import { codedError, type AppError } from '../errors.js';
import type { PresentedHostKey } from './hostKey.js';
import type { SftpChannelPool } from './sftpChannelPool.js';
import type { SftpFileSystem } from './sftpFileSystem.js';
import type { SftpTransferDriver } from './sftpTransferDriver.js';
import { translateSshClientError } from './sftpErrors.js';

/** A live SSH connection: browsing on one SFTP channel, each transfer on its own. */
export class SftpSession implements RemoteSession {
  private ended = false;
  private lastError: AppError | undefined;
  private readonly closeListeners = new Set<(error?: AppError) => void>();
  readonly copy: CopyEnds;

  constructor(
    private readonly client: Client,
    private readonly channels: SftpChannelPool,
    readonly fs: SftpFileSystem,
    readonly transfers: SftpTransferDriver,
    /** The key the server proved it holds. */
    readonly hostKey: PresentedHostKey,
    /** Things to tell the user that did not stop the connection (an unprotected key file...). */
    readonly warnings: CatalogText[],
  ) {
    this.copy = sftpCopyEnds(channels);
    client.on('error', (error) => {
      this.lastError ??= translateSshClientError(error);
    });
    client.on('close', () => this.finish(this.lastError ?? codedError('network', 'coreSftp:serverClosed')));
  }

  /** The user's home folder on the server (SFTP realpath of "."). */
  get homePath(): string {
    return this.fs.homePath;
  }

  get closed(): boolean {
    return this.ended;
  }

  /** Called once when the connection ends, with the reason if it was not `close()`. */
  onClose(listener: (error?: AppError) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.ended) return;
    // Ending the connection closes every channel and handle; nothing needs to be awaited first.
    const gone = new Promise<void>((resolve) => {
      this.client.once('close', () => resolve());
      setTimeout(resolve, 2000).unref();
    });
    this.finish(undefined);
    this.client.end();
    await gone;
  }

  private finish(error: AppError | undefined): void {
    if (this.ended) return;
    this.ended = true;
    this.channels.closeAll();
    void this.fs.closeCursors();
    for (const listener of this.closeListeners) listener(error);
    this.closeListeners.clear();
  }
}

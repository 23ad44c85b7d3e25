import type { AttemptJob, FileTransferDriver, RemoteFileSystem, TransferContext, UploadResume } from '../fs/remoteFileSystem.js';
import type { FileEntry } from '../../../shared/files.js';
import { coreMessage } from '../../../shared/i18n/englishMessages.js';
import { isAppError } from '../errors.js';
import { RemoteChangedError } from '../fs/remoteChanged.js';
import type { Checkpoint, JobContext } from '../transfers/jobContext.js';
import { runSftpAttempt } from './sftpAttempt.js';
import { offsetCheckpoint } from './sftpCheckpoints.js';
import { uploadPartPath } from './sftpPartPath.js';
import type { SftpTransferOptions } from './sftpTransferDriver.js';

/**
 * What every SFTP transfer driver does the same way, the plain one and the one that
 * reconnects: attempts resume by offset, the unbroken prefix of bytes in place. An upload
 * writes to a hidden part file beside its target, so continuing an existing target means
 * making it that part file. Subclasses only move the chunks.
 */
export abstract class SftpDriverBase implements FileTransferDriver {
  abstract upload(localPath: string, remotePath: string, ctx: TransferContext, options?: SftpTransferOptions): Promise<void>;
  abstract download(remotePath: string, localPath: string, ctx: TransferContext, options?: SftpTransferOptions): Promise<void>;

  runAttempt(job: AttemptJob, ctx: JobContext): Promise<void> {
    return runSftpAttempt(this, job, ctx);
  }

  async discardPartialUpload(fs: RemoteFileSystem, remotePath: string, checkpoint: Checkpoint | undefined): Promise<void> {
    if (checkpoint) await fs.delete([uploadPartPath(remotePath)]).catch(() => undefined);
  }

  /** A part file is named by its target: nothing on the server is ever unnamed. */
  leftUnnamedWork(): boolean {
    return false;
  }

  async canResumeUpload(_remotePath: string, targetIsSmaller: boolean): Promise<boolean> {
    return targetIsSmaller;
  }

  async resumeUpload(fs: RemoteFileSystem, remotePath: string, _localPath: string, have: number): Promise<UploadResume | undefined> {
    await fs.rename(remotePath, uploadPartPath(remotePath));
    return { checkpoint: offsetCheckpoint(have), detail: coreMessage('coreSftp:notes.resumedAfter', { bytes: have }) };
  }

  resumeDownload(have: number): Checkpoint {
    return offsetCheckpoint(have);
  }

  /**
   * SFTP has no conditional write: the file's size and modification time are compared just
   * before it is replaced (a change in the instant between the two cannot be seen).
   */
  async replaceIfUnchanged(fs: RemoteFileSystem, localPath: string, remotePath: string, expected: FileEntry, signal: AbortSignal): Promise<FileEntry> {
    const now = await fs.stat(remotePath).catch((error: unknown) => {
      if (isAppError(error) && error.kind === 'notFound') return undefined;
      throw error;
    });
    if (!now) throw new RemoteChangedError(remotePath, true);
    if (now.size !== expected.size || now.modified !== expected.modified) throw new RemoteChangedError(remotePath, false);
    await this.upload(localPath, remotePath, { signal, onProgress: () => undefined });
    return fs.stat(remotePath);
  }

  /** SFTP has no listing cheap enough to beat a stat per file: each transfer checks its own target. */
  async freeTargets(): Promise<Set<string>> {
    return new Set();
  }
}

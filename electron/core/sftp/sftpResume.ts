import type { RemoteFileSystem, UploadResume } from '../fs/remoteFileSystem.js';
import type { Checkpoint } from '../transfers/jobContext.js';
import { uploadPartPath } from './sftpPartPath.js';

/**
 * How SFTP transfers resume, shared by the plain driver and the one that reconnects: by
 * offset, the unbroken prefix of bytes in place. An upload writes to a hidden part file
 * beside its target, so continuing an existing target means making it that part file.
 */
export const sftpResume = {
  async discardPartialUpload(fs: RemoteFileSystem, remotePath: string, checkpoint: Checkpoint | undefined): Promise<void> {
    if (checkpoint) await fs.delete([uploadPartPath(remotePath)]).catch(() => undefined);
  },

  async canResumeUpload(_remotePath: string, targetIsSmaller: boolean): Promise<boolean> {
    return targetIsSmaller;
  },

  async resumeUpload(fs: RemoteFileSystem, remotePath: string, _localPath: string, have: number): Promise<UploadResume | undefined> {
    await fs.rename(remotePath, uploadPartPath(remotePath));
    return { checkpoint: { kind: 'offset', offset: have }, detail: `Resumed after ${have} bytes already there.` };
  },

  resumeDownload(have: number): Checkpoint {
    return { kind: 'offset', offset: have };
  },

  /** SFTP files share one server's session limit (OpenSSH's MaxSessions is 10): none counts as light. */
  isSingleRequest(): boolean {
    return false;
  },

  /** SFTP has no listing cheap enough to beat a stat per file: each transfer checks its own target. */
  async freeTargets(): Promise<Set<string>> {
    return new Set();
  },
};

/**
 * This computer's disk as a session: the browser's file system over node:fs. It moves no
 * bytes of its own: a copy to or from another place is that place's upload or download.
 */
import type { FileTransferDriver, RemoteSession } from '../fs/remoteFileSystem.js';
import { codedError } from '../errors.js';
import { LocalFileSystem } from './localFileSystem.js';

const refuse = (): never => {
  throw codedError('unsupported', 'coreLocal:noTransfers');
};

/** Every transfer asked of the local disk itself is refused with a sentence; the queue never gets one (its targets are remote). */
const noTransfers: FileTransferDriver = {
  upload: async () => refuse(),
  download: async () => refuse(),
  runAttempt: async () => refuse(),
  discardPartialUpload: async () => undefined,
  leftUnnamedWork: () => false,
  canResumeUpload: async () => false,
  resumeUpload: async () => undefined,
  resumeDownload: () => refuse(),
  freeTargets: async () => new Set(),
  replaceIfUnchanged: async () => refuse(),
};

export function openLocalSession(home?: string): RemoteSession {
  return { fs: new LocalFileSystem(home), transfers: noTransfers, close: async () => undefined };
}

import type { TransferSnapshot } from '../../../shared/transfers.js';
import { coreMessage } from '../../../shared/i18n/englishMessages.js';
import { codedError } from '../errors.js';
import type { RemoteSession } from '../fs/remoteFileSystem.js';
import type { JobContext } from './jobContext.js';

/**
 * One attempt at a storage class change: the object copied onto itself with the new class.
 * Progress moves once the copy lands, or part by part for a multipart copy (over 5 GiB);
 * an interrupted attempt starts over, as S3 keeps nothing of an aborted copy.
 */
export async function runStorageClassAttempt(session: RemoteSession, s: TransferSnapshot, ctx: JobContext): Promise<void> {
  const changer = session.transfers.storageClasses;
  if (!changer || !s.storageClass) throw codedError('unsupported', 'coreTransfers:storageClassS3Only');
  const outcome = await changer.change(s.remotePath, s.storageClass, {
    signal: ctx.signal,
    onProgress: (copied, size) => {
      s.size = size;
      ctx.onProgress(copied);
    },
  });
  if (outcome === 'unchanged') ctx.note(coreMessage('coreTransfers:notes.alreadyInClass'));
}

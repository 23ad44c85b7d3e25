import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { TransferSnapshot } from '../../../shared/transfers.js';
import { codedError, throwIfAborted, type AppError } from '../errors.js';
import type { RemoteSession } from '../fs/remoteFileSystem.js';
import { isLanded, type Checkpoint, type JobContext } from './jobContext.js';
import { runStorageClassAttempt } from './storageClassAttempt.js';
import { partPathOf } from './partPath.js';
import { pathExists } from '../lib/pathExists.js';


/**
 * One attempt at one transfer, resuming from its checkpoint. Each protocol's driver resumes
 * its own way (an upload id and byte ranges, or an offset); downloads land through a `.part`
 * here whatever the protocol. A storage class change is a copy on the server.
 */
export async function runAttempt(session: RemoteSession, s: TransferSnapshot, ctx: JobContext, isCancelled: () => boolean): Promise<void> {
  if (s.direction === 'storageClass') {
    await runStorageClassAttempt(session, s, ctx);
    return;
  }
  await session.transfers.runAttempt({ snapshot: s, fs: session.fs, isCancelled, viaPart: (move) => downloadViaPart(s, ctx, move) }, ctx);
}

/**
 * Downloads to a `.part` beside the target, renamed into place only when complete and
 * verified. The step before the rename is saved first, so a crash between the two finishes
 * with the rename alone instead of fetching the file again.
 */
async function downloadViaPart(s: TransferSnapshot, ctx: JobContext, move: (part: string) => Promise<void>): Promise<void> {
  const part = partPathOf(s.localPath);
  if (isLanded(ctx.checkpoint) && (await finishLanded(s, part, ctx.checkpoint.size))) return;
  try {
    await mkdir(dirname(s.localPath), { recursive: true });
    await move(part);
  } catch (error) {
    throw localDiskError(error, part) ?? error;
  }
  throwIfAborted(ctx.signal);
  const written = (await stat(part)).size;
  if (s.size !== undefined && written !== s.size) {
    throw codedError('network', 'coreTransfers:downloadIncomplete', { written, size: s.size });
  }
  s.size = written;
  await ctx.saveCheckpointNow({ kind: 'landed', size: written });
  await rename(part, s.localPath);
}

/** After a crash between verifying and renaming: true when the file is (now) in place. */
async function finishLanded(s: TransferSnapshot, part: string, size: number): Promise<boolean> {
  if (await pathExists(part)) {
    if ((await stat(part)).size !== size) return false;
    await rename(part, s.localPath);
    return true;
  }
  return (await stat(s.localPath).catch(() => undefined))?.size === size;
}

/** A local disk's refusal as a sentence: full, or a name or path longer than it takes. */
function localDiskError(error: unknown, part: string): AppError | undefined {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return codedError('conflict', 'coreTransfers:diskFull', { path: part }, error);
  }
  if (code === 'ENAMETOOLONG') {
    return codedError('invalidInput', 'coreTransfers:pathTooLong', { path: part }, error);
  }
  return undefined;
}

/** Removes what a cancelled or cleared transfer left behind: `.part` files, kept multipart uploads. */
export async function discardPartial(session: RemoteSession | undefined, s: TransferSnapshot, checkpoint: Checkpoint | undefined): Promise<void> {
  // A copy in place aborts its own multipart upload when it stops: nothing is left behind.
  if (s.direction === 'storageClass') return;
  if (s.direction === 'download') {
    await rm(partPathOf(s.localPath), { force: true });
    return;
  }
  if (!session) return;
  await session.transfers.discardPartialUpload(session.fs, s.remotePath, checkpoint);
}

import { coreMessage } from '../../../shared/i18n/englishMessages.js';
import { isAppError } from '../errors.js';
import type { AttemptJob, TransferContext } from '../fs/remoteFileSystem.js';
import { addRange, contiguousEnd, type Range } from '../transfers/byteRanges.js';
import { isLanded, type JobContext } from '../transfers/jobContext.js';
import { offsetCheckpoint, offsetOf } from './sftpCheckpoints.js';
import { SftpStatus, sftpStatusOf } from './sftpErrors.js';
import { uploadPartPath } from './sftpPartPath.js';
import type { SftpTransferOptions } from './sftpTransferDriver.js';

/** The chunked moves an SFTP attempt drives: the plain driver, or the one that reconnects. */
export interface ChunkedMoves {
  upload(localPath: string, remotePath: string, ctx: TransferContext, options?: SftpTransferOptions): Promise<void>;
  download(remotePath: string, localPath: string, ctx: TransferContext, options?: SftpTransferOptions): Promise<void>;
}

export const sizeOnlyNote = coreMessage('coreSftp:notes.sizeOnly');
export const sequentialNote = coreMessage('coreSftp:notes.sequential');

/** Connections (by their file system, which outlives a reconnect) whose server refused parallel requests once: later transfers go sequentially from the start. */
const refusedParallel = new WeakSet<object>();

/**
 * The failures a server that cannot cope with several requests in flight answers with:
 * a generic FAILURE or BAD_MESSAGE status (some embedded and appliance servers do this).
 * Errors with a clear meaning (permission, not found, connection lost) are not among them.
 */
export function looksLikeParallelRefusal(error: unknown): boolean {
  const cause = isAppError(error) ? (error as { cause?: unknown }).cause : error;
  const status = sftpStatusOf(cause);
  return status === SftpStatus.FAILURE || status === SftpStatus.BAD_MESSAGE;
}

/**
 * One SFTP attempt, resuming by offset (the unbroken prefix of chunks that landed). If the
 * parallel attempt fails the way a server that mishandles parallel requests fails, it goes
 * again with one request in flight from where it got to, and says so in the details.
 */
export async function runSftpAttempt(driver: ChunkedMoves, job: AttemptJob, ctx: JobContext): Promise<void> {
  const { snapshot: s, fs, isCancelled, viaPart } = job;
  let offset = offsetOf(ctx.checkpoint);
  if (isLanded(ctx.checkpoint) && s.direction === 'upload') {
    // The core stopped as the part was about to be renamed: rename it, or see it was.
    if (await fs.stat(uploadPartPath(s.remotePath)).catch(() => undefined)) offset = ctx.checkpoint.size;
    else if ((await fs.stat(s.remotePath).catch(() => undefined))?.size === ctx.checkpoint.size) return;
  }
  let ranges: Range[] = offset > 0 ? [[0, offset]] : [];
  if (offset > 0) ctx.note(coreMessage('coreSftp:notes.resumedAt', { offset }));
  const attempt = (concurrency?: number) => {
    const options: SftpTransferOptions = {
      resumeFrom: offset,
      throttle: ctx.throttle,
      concurrency,
      preserveMode: ctx.preservePermissions,
      beforeRename: (size) => ctx.saveCheckpointNow({ kind: 'landed', size }),
      onChunkDone: (position, length) => {
        ranges = addRange(ranges, position, position + length);
        offset = contiguousEnd(ranges);
        ctx.saveCheckpoint(offsetCheckpoint(offset));
      },
      // Read when the upload fails: a paused or failed upload keeps its part to resume.
      get keepPartial() {
        return !isCancelled();
      },
    };
    if (s.direction === 'upload') return driver.upload(s.localPath, s.remotePath, ctx, options);
    return viaPart(async (part) => {
      await driver.download(s.remotePath, part, ctx, options);
      ctx.note(sizeOnlyNote);
    });
  };
  if (refusedParallel.has(fs)) {
    ctx.note(sequentialNote);
    await attempt(1);
    return;
  }
  try {
    await attempt();
  } catch (error) {
    if (ctx.signal.aborted || !looksLikeParallelRefusal(error)) throw error;
    refusedParallel.add(fs);
    // Chunks past the first gap may have landed; only the unbroken prefix counts.
    ranges = offset > 0 ? [[0, offset]] : [];
    ctx.note(sequentialNote);
    await attempt(1);
    ctx.note(sequentialNote);
  }
}

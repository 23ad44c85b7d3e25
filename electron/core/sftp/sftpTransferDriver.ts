import { open, type FileHandle } from 'node:fs/promises';
import type { AttemptJob, FileTransferDriver, TransferContext } from '../fs/remoteFileSystem.js';
import type { JobContext } from '../transfers/jobContext.js';
import { AppError, isAppError } from '../errors.js';
import { SerialFileWriter } from '../lib/serialFileWriter.js';
import type { SftpChannel } from './sftpChannel.js';
import type { SftpChannelPool } from './sftpChannelPool.js';
import { isFolderMode } from './sftpEntries.js';
import { remoteError, SftpStatus, sftpStatusOf } from './sftpErrors.js';
import { moveInParallelChunks } from './parallelChunks.js';
import { runSftpAttempt } from './sftpAttempt.js';
import { uploadPartPath } from './sftpPartPath.js';
import { sftpResume } from './sftpResume.js';

export interface SftpTransferDriverOptions {
  /** Requests in flight per transfer. */
  concurrency?: number;
  /** Bytes per request; capped to what the server accepts (limits@openssh.com). */
  chunkSize?: number;
}

export interface SftpTransferOptions {
  /** Continue an earlier attempt from this byte: the `.stowage-part` (upload) or local file (download) keeps its first bytes. */
  resumeFrom?: number;
  /** Leave the upload's `.stowage-part` file on the server after a failure or cancel (to resume later). */
  keepPartial?: boolean;
  /** Called as each chunk lands, so the caller can checkpoint the unbroken prefix. */
  onChunkDone?: (position: number, length: number) => void;
  /** Waits for the bandwidth limit before each chunk. */
  throttle?: (bytes: number) => Promise<void>;
  /** Requests in flight for this transfer (1 = sequential); defaults to the driver's. */
  concurrency?: number;
  /** Give the copy the source's permission bits (chmod after it is in place). */
  preserveMode?: boolean;
  /** Called when an upload's part is complete, just before it is renamed into place. */
  beforeRename?: (size: number) => Promise<void>;
}

/** Test hook: called before each chunk moves; throwing simulates a server that fails parallel requests. */
export type SftpFaultHook = (chunk: { position: number; concurrency: number }) => void;

/** 255 KiB: OpenSSH's largest READ/WRITE payload (256 KiB packets less headers). */
const DEFAULT_CHUNK = 255 * 1024;
/**
 * 8 x 255 KiB = 2 MiB in flight, the SSH channel window (ssh2's and OpenSSH's default), as
 * OpenSSH's own sftp has (64 x 32 KiB). More requests only wait in ssh2's buffers, costing
 * memory and time (tests/bench/BENCHMARKS.md).
 */
const DEFAULT_CONCURRENCY = 8;

export { uploadPartPath };

export class SftpTransferDriver implements FileTransferDriver {
  private readonly concurrency: number;
  private readonly chunkSize: number;
  /** Only tests set this (a real sshd cannot be made to misbehave on cue). */
  injectFault: SftpFaultHook | undefined;
  readonly discardPartialUpload = sftpResume.discardPartialUpload;
  readonly canResumeUpload = sftpResume.canResumeUpload;
  readonly resumeUpload = sftpResume.resumeUpload;
  readonly resumeDownload = sftpResume.resumeDownload;
  readonly isSingleRequest = sftpResume.isSingleRequest;
  readonly freeTargets = sftpResume.freeTargets;

  constructor(
    private readonly channels: SftpChannelPool,
    options: SftpTransferDriverOptions = {},
  ) {
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  }

  runAttempt(job: AttemptJob, ctx: JobContext): Promise<void> {
    return runSftpAttempt(this, job, ctx);
  }

  async upload(localPath: string, remotePath: string, ctx: TransferContext, options: SftpTransferOptions = {}): Promise<void> {
    const partPath = uploadPartPath(remotePath);
    const channel = await this.acquire(ctx.signal, remotePath);
    let local: FileHandle | undefined;
    let ok = false;
    try {
      local = await open(localPath, 'r');
      const { size, mode } = await local.stat();
      const start = await this.uploadStart(channel, partPath, size, options.resumeFrom);
      const handle = await channel.open(partPath, start > 0 ? 'r+' : 'w');
      const file = local;
      await moveInParallelChunks({
        start,
        end: size,
        chunkSize: Math.min(this.chunkSize, channel.maxWriteLength),
        concurrency: options.concurrency ?? this.concurrency,
        signal: ctx.signal,
        onProgress: ctx.onProgress,
        moveChunk: async (buffer, position, length) => {
          this.injectFault?.({ position, concurrency: options.concurrency ?? this.concurrency });
          await options.throttle?.(length);
          await readFully(file, buffer, length, position, localPath);
          await channel.write(handle, buffer, 0, length, position);
          options.onChunkDone?.(position, length);
        },
      });
      if (start > 0) await channel.fsetstat(handle, { size });
      await channel.close(handle);
      await options.beforeRename?.(size);
      await keepModeOfReplacedFile(channel, partPath, remotePath);
      await renameIntoPlace(channel, partPath, remotePath);
      if (options.preserveMode) await channel.setstat(remotePath, { mode: mode & 0o7777 });
      ok = true;
    } catch (error) {
      throw transferError(error, remotePath);
    } finally {
      await local?.close().catch(() => undefined);
      if (!ok) await this.abandonUpload(channel, options.keepPartial ? undefined : partPath);
      else this.channels.release(channel, true);
    }
  }

  async download(remotePath: string, localPath: string, ctx: TransferContext, options: SftpTransferOptions = {}): Promise<void> {
    const channel = await this.acquire(ctx.signal, remotePath);
    let remote: Buffer | undefined;
    let local: FileHandle | undefined;
    let ok = false;
    try {
      remote = await channel.open(remotePath, 'r');
      const attrs = await channel.fstat(remote);
      if (isFolderMode(attrs.mode)) throw new AppError('conflict', `${remotePath} is a folder, not a file.`);
      const size = attrs.size;
      let start = Math.min(options.resumeFrom ?? 0, size);
      local = await openLocalForDownload(localPath, start > 0);
      if (start > 0 && (await local.stat()).size < start) start = 0;
      const writer = new SerialFileWriter(local);
      const handle = remote;
      await moveInParallelChunks({
        start,
        end: size,
        chunkSize: Math.min(this.chunkSize, channel.maxReadLength),
        concurrency: options.concurrency ?? this.concurrency,
        signal: ctx.signal,
        onProgress: ctx.onProgress,
        moveChunk: async (buffer, position, length) => {
          this.injectFault?.({ position, concurrency: options.concurrency ?? this.concurrency });
          await options.throttle?.(length);
          const got = await readRemoteFully(channel, handle, buffer, length, position);
          if (got < length) {
            throw new AppError('conflict', `${remotePath} got shorter on the server while it was downloading.`);
          }
          await writer.write(buffer, length, position);
          options.onChunkDone?.(position, length);
        },
      });
      if (start > 0) await local.truncate(size);
      // The caller renames the file into place; the mode travels with it.
      if (options.preserveMode) await local.chmod(attrs.mode & 0o7777);
      await local.close();
      local = undefined;
      ok = true;
    } catch (error) {
      throw transferError(error, remotePath);
    } finally {
      await local?.close().catch(() => undefined);
      if (ok && remote) await channel.close(remote).catch(() => undefined);
      // After a failure, requests may still be in flight on the channel: drop it.
      this.channels.release(channel, ok);
    }
  }

  private async acquire(signal: AbortSignal, remotePath: string): Promise<SftpChannel> {
    try {
      return await this.channels.acquire(signal);
    } catch (error) {
      throw transferError(error, remotePath);
    }
  }

  /** Where to start writing: a resume continues only if the part file is at least that long. */
  private async uploadStart(channel: SftpChannel, partPath: string, size: number, resumeFrom = 0): Promise<number> {
    if (resumeFrom <= 0 || resumeFrom > size) return 0;
    const part = await channel.lstat(partPath).catch(() => undefined);
    return part && part.size >= resumeFrom ? resumeFrom : 0;
  }

  private async abandonUpload(channel: SftpChannel, partToRemove: string | undefined) {
    // Ending the channel closes the handle and drops its queued writes. The part file is
    // removed on the browsing channel and awaited, so a retry that starts right away
    // cannot have its new part deleted under it.
    this.channels.release(channel, false);
    if (!partToRemove) return;
    await this.channels
      .browse()
      .then((browse) => browse.unlink(partToRemove))
      .catch(() => undefined);
  }
}

async function openLocalForDownload(localPath: string, resume: boolean): Promise<FileHandle> {
  if (resume) {
    try {
      return await open(localPath, 'r+');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return open(localPath, 'w');
}

async function readFully(file: FileHandle, buffer: Buffer, length: number, position: number, path: string) {
  let got = 0;
  while (got < length) {
    const { bytesRead } = await file.read(buffer, got, length - got, position + got);
    if (bytesRead === 0) throw new AppError('conflict', `${path} got shorter while it was uploading.`);
    got += bytesRead;
  }
}

/** A server may answer a READ with fewer bytes than asked; ask again for the rest. */
async function readRemoteFully(channel: SftpChannel, handle: Buffer, buffer: Buffer, length: number, position: number) {
  let got = 0;
  while (got < length) {
    const n = await channel.read(handle, buffer, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/** Uploading over a file should not change who may read it. */
async function keepModeOfReplacedFile(channel: SftpChannel, partPath: string, remotePath: string) {
  const existing = await channel.stat(remotePath).catch(() => undefined);
  if (existing && !isFolderMode(existing.mode)) {
    await channel.setstat(partPath, { mode: existing.mode & 0o7777 }).catch(() => undefined);
  }
}

async function renameIntoPlace(channel: SftpChannel, from: string, to: string) {
  if (channel.hasExtension('posix-rename@openssh.com')) return channel.posixRename(from, to);
  try {
    await channel.rename(from, to);
  } catch (error) {
    // Plain SFTP rename refuses to replace: remove the old file, then rename.
    if (sftpStatusOf(error) !== SftpStatus.FAILURE) throw error;
    await channel.unlink(to);
    await channel.rename(from, to);
  }
}

function transferError(error: unknown, remotePath: string): AppError {
  return isAppError(error) ? error : remoteError(error, remotePath);
}

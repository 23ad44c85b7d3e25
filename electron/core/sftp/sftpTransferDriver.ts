import { open, type FileHandle } from 'node:fs/promises';
import type { TransferContext } from '../fs/remoteFileSystem.js';
import { codedError, isAppError, type AppError } from '../errors.js';
import { openForDownload } from '../lib/openForDownload.js';
import { SerialFileWriter } from '../lib/serialFileWriter.js';
import type { SftpChannel } from './sftpChannel.js';
import type { SftpChannelPool } from './sftpChannelPool.js';
import { isFolderMode } from './sftpEntries.js';
import { remoteError } from './sftpErrors.js';
import { keepModeOfReplacedFile, readRemoteFully, renameIntoPlace } from './sftpFileOps.js';
import { moveInParallelChunks } from './parallelChunks.js';
import { SftpDriverBase } from './sftpDriverBase.js';
import { uploadPartPath } from './sftpPartPath.js';

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
/**
 * A large transfer also runs on up to this many more channels of the connection (lanes):
 * each channel's window is 2 MiB (ssh2's and OpenSSH's), which caps one channel near 50 MB/s
 * at a 40 ms round trip; four lanes lift that four-fold. Smaller files take only a few round
 * trips, and the pool lends lanes only while half of it stays free for other transfers.
 */
const EXTRA_LANES = 3;
const LANES_FROM = 64 * 1024 * 1024;
/**
 * Below this round trip one channel already moves 2 MiB every 10 ms (200 MB/s, beyond most
 * disks and links), so lanes would only add memory: the file's open, one round trip, decides.
 */
const LANES_ABOVE_RTT_MS = 10;

/** A channel and the file handle a transfer holds open on it. */
interface Lane {
  channel: SftpChannel;
  handle: Buffer;
}

export { uploadPartPath };

export class SftpTransferDriver extends SftpDriverBase {
  private readonly concurrency: number;
  private readonly chunkSize: number;
  /** Only tests set this (a real sshd cannot be made to misbehave on cue). */
  injectFault: SftpFaultHook | undefined;

  constructor(
    private readonly channels: SftpChannelPool,
    options: SftpTransferDriverOptions = {},
  ) {
    super();
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  }

  async upload(localPath: string, remotePath: string, ctx: TransferContext, options: SftpTransferOptions = {}): Promise<void> {
    const partPath = uploadPartPath(remotePath);
    const channel = await this.acquire(ctx.signal, remotePath);
    let local: FileHandle | undefined;
    let lanes: Lane[] = [];
    let ok = false;
    try {
      local = await open(localPath, 'r');
      const { size, mode } = await local.stat();
      const start = await this.uploadStart(channel, partPath, size, options.resumeFrom);
      const opening = performance.now();
      const handle = await channel.open(partPath, start > 0 ? 'r+' : 'w');
      const roundTrip = await confirmedRoundTrip(channel, handle, performance.now() - opening);
      lanes = [{ channel, handle }, ...(await this.extraLanes(size - start, roundTrip, options, (c) => c.open(partPath, 'r+')))];
      const file = local;
      const all = lanes;
      await this.moveChunks(ctx, options, { start, end: size, maxChunk: Math.min(...all.map((l) => l.channel.maxWriteLength)) }, all.length, async (buffer, position, length, worker) => {
        const lane = all[worker % all.length]!;
        await readFully(file, buffer, length, position, localPath);
        await lane.channel.write(lane.handle, buffer, 0, length, position);
      });
      await this.closeExtraLanes(all);
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
      this.releaseExtraLanes(lanes, ok);
      if (!ok) await this.abandonUpload(channel, options.keepPartial ? undefined : partPath);
      else this.channels.release(channel, true);
    }
  }

  async download(remotePath: string, localPath: string, ctx: TransferContext, options: SftpTransferOptions = {}): Promise<void> {
    const channel = await this.acquire(ctx.signal, remotePath);
    let remote: Buffer | undefined;
    let local: FileHandle | undefined;
    let lanes: Lane[] = [];
    let ok = false;
    try {
      const opening = performance.now();
      remote = await channel.open(remotePath, 'r');
      const firstTrip = performance.now() - opening;
      const attrs = await channel.fstat(remote);
      const roundTrip = Math.min(firstTrip, performance.now() - opening - firstTrip);
      if (isFolderMode(attrs.mode)) throw codedError('conflict', 'coreSftp:notAFile', { path: remotePath });
      const size = attrs.size;
      let start = Math.min(options.resumeFrom ?? 0, size);
      local = await openForDownload(localPath, start > 0);
      if (start > 0 && (await local.stat()).size < start) start = 0;
      const writer = new SerialFileWriter(local);
      lanes = [{ channel, handle: remote }, ...(await this.extraLanes(size - start, roundTrip, options, (c) => c.open(remotePath, 'r')))];
      const all = lanes;
      await this.moveChunks(ctx, options, { start, end: size, maxChunk: Math.min(...all.map((l) => l.channel.maxReadLength)) }, all.length, async (buffer, position, length, worker) => {
        const lane = all[worker % all.length]!;
        const got = await readRemoteFully(lane.channel, lane.handle, buffer, length, position);
        if (got < length) {
          throw codedError('conflict', 'coreSftp:shrankDownloading', { path: remotePath });
        }
        await writer.write(buffer, length, position);
      });
      await this.closeExtraLanes(all);
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
      this.releaseExtraLanes(lanes, ok);
      if (ok && remote) await channel.close(remote).catch(() => undefined);
      // After a failure, requests may still be in flight on the channel: drop it.
      this.channels.release(channel, ok);
    }
  }

  /**
   * Moves `start`..`end` in chunks, several in flight on each of `lanes` channels, each one
   * throttled first and reported when it lands; `move` learns which worker moves the chunk.
   */
  private moveChunks(
    ctx: TransferContext,
    options: SftpTransferOptions,
    range: { start: number; end: number; maxChunk: number },
    lanes: number,
    move: (buffer: Buffer, position: number, length: number, worker: number) => Promise<void>,
  ): Promise<void> {
    const concurrency = (options.concurrency ?? this.concurrency) * lanes;
    return moveInParallelChunks({
      start: range.start,
      end: range.end,
      chunkSize: Math.min(this.chunkSize, range.maxChunk),
      concurrency,
      signal: ctx.signal,
      onProgress: ctx.onProgress,
      moveChunk: async (buffer, position, length, worker) => {
        this.injectFault?.({ position, concurrency });
        await options.throttle?.(length);
        await move(buffer, position, length, worker);
        options.onChunkDone?.(position, length);
      },
    });
  }

  /**
   * More channels for a large transfer over a long round trip, each with the file opened on
   * it; none for a sequential one (a server that refused parallel requests).
   */
  private async extraLanes(bytes: number, roundTripMs: number, options: SftpTransferOptions, open: (channel: SftpChannel) => Promise<Buffer>): Promise<Lane[]> {
    if (bytes < LANES_FROM || roundTripMs < LANES_ABOVE_RTT_MS || options.concurrency === 1) return [];
    const lanes: Lane[] = [];
    for (const channel of await this.channels.lend(EXTRA_LANES)) {
      const handle = await open(channel).catch(() => undefined);
      if (handle) lanes.push({ channel, handle });
      else this.channels.release(channel, true);
    }
    return lanes;
  }

  private async closeExtraLanes(lanes: Lane[]): Promise<void> {
    await Promise.all(lanes.slice(1).map((lane) => lane.channel.close(lane.handle)));
  }

  /** The lent channels go back; after a failure requests may still be in flight on them, so they are dropped. */
  private releaseExtraLanes(lanes: Lane[], ok: boolean): void {
    for (const lane of lanes.slice(1)) this.channels.release(lane.channel, ok);
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

/**
 * The connection's round trip, from the time one request took: when that looks long (a busy
 * server or event loop can make it so), a second cheap request confirms it, the shorter wins.
 */
async function confirmedRoundTrip(channel: SftpChannel, handle: Buffer, firstMs: number): Promise<number> {
  if (firstMs < LANES_ABOVE_RTT_MS) return firstMs;
  const started = performance.now();
  await channel.fstat(handle);
  return Math.min(firstMs, performance.now() - started);
}

async function readFully(file: FileHandle, buffer: Buffer, length: number, position: number, path: string) {
  let got = 0;
  while (got < length) {
    const { bytesRead } = await file.read(buffer, got, length - got, position + got);
    if (bytesRead === 0) throw codedError('conflict', 'coreSftp:shrankUploading', { path });
    got += bytesRead;
  }
}

function transferError(error: unknown, remotePath: string): AppError {
  return isAppError(error) ? error : remoteError(error, remotePath);
}

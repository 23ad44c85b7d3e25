import { coreMessage } from '../../../shared/i18n/englishMessages.js';
import { codedError, isAppError, throwIfAborted, type AppError } from '../errors.js';
import { inPieces, noBytes } from '../copy/byteStreams.js';
import { Gate } from '../lib/gate.js';
import type { ByteStream, CopyEnds, CopyFacts, CopyReader, CopySource, CopyTarget } from '../copy/copyEnds.js';
import { addRange, contiguousEnd, type Range } from '../transfers/byteRanges.js';
import { isLanded, type JobContext } from '../transfers/jobContext.js';
import type { SftpChannel } from './sftpChannel.js';
import type { SftpChannelPool } from './sftpChannelPool.js';
import { offsetCheckpoint, type OffsetCheckpoint } from './sftpCheckpoints.js';
import { isFolderMode } from './sftpEntries.js';
import { remoteError } from './sftpErrors.js';
import { uploadPartPath } from './sftpPartPath.js';
import { keepModeOfReplacedFile, makeParents, readRemoteFully, renameIntoPlace } from './sftpFileOps.js';

/** 255 KiB requests, 8 in flight: the 2 MiB SSH channel window, as the transfer driver moves. */
const chunkSize = 255 * 1024;
const inFlight = 8;

const failure = (error: unknown, path: string): AppError => (isAppError(error) ? error : remoteError(error, path));

/** Reads a file from `start` to `end` (exclusive) in order, several requests ahead, on a channel of its own until the stream ends. */
async function* readFrom(pool: SftpChannelPool, path: string, end: number, start: number, signal: AbortSignal): AsyncGenerator<Buffer> {
  const channel = await pool.acquire(signal);
  let clean = false;
  let handle: Buffer | undefined;
  const ahead: Promise<Buffer>[] = [];
  try {
    handle = await channel.open(path, 'r');
    const file = handle;
    const length = Math.min(chunkSize, channel.maxReadLength);
    let next = start;
    const ask = () => {
      const position = next;
      const want = Math.min(length, end - position);
      next += want;
      const buffer = Buffer.allocUnsafe(want);
      return readRemoteFully(channel, file, buffer, want, position).then((got) => {
        if (got < want) throw codedError('conflict', 'coreSftp:shrankDownloading', { path });
        return buffer;
      });
    };
    while (next < end && ahead.length < inFlight) ahead.push(ask());
    while (ahead.length > 0) {
      throwIfAborted(signal);
      const buffer = await ahead.shift()!;
      if (next < end) ahead.push(ask());
      yield buffer;
    }
    await channel.close(file);
    clean = true;
  } catch (error) {
    throw failure(error, path);
  } finally {
    // Stopped early (paused, failed): reads may still be in flight, so the channel is dropped
    // and what they answer is let go.
    for (const read of ahead) read.catch(() => undefined);
    pool.release(channel, clean);
  }
}

class SftpCopySource implements CopySource {
  constructor(private readonly pool: SftpChannelPool) {}

  async facts(path: string): Promise<CopyFacts> {
    const attrs = await (await this.pool.browse()).stat(path).catch((error: unknown) => {
      throw failure(error, path);
    });
    if (isFolderMode(attrs.mode)) throw codedError('conflict', 'coreSftp:notAFile', { path });
    return { size: attrs.size, modifiedAt: attrs.mtime * 1000, mode: attrs.mode & 0o7777 };
  }

  /** A file has no version to pin its reads to: its size and modification time are asked again before the copy completes. */
  async unchanged(path: string, facts: CopyFacts): Promise<void> {
    const now = await this.facts(path);
    if (now.size !== facts.size || now.modifiedAt !== facts.modifiedAt) throw codedError('conflict', 'coreTransfers:copy.sourceChanged', { path });
  }

  async read(path: string, facts: CopyFacts, start: number, signal: AbortSignal, end = facts.size): Promise<ByteStream> {
    const stop = Math.min(end, facts.size);
    if (start >= stop) return noBytes();
    return readFrom(this.pool, path, stop, start, signal);
  }
}

/** The checkpoint of a copy into SFTP: the unbroken prefix in the part file, for this source. */
function copyCheckpoint(offset: number, facts: CopyFacts): OffsetCheckpoint {
  return { ...offsetCheckpoint(offset), size: facts.size, mtimeMs: facts.modifiedAt, ...(facts.version ? { sourceVersion: facts.version } : {}) };
}

/** Where an earlier attempt got to, for the same source file; 0 when none. */
function resumeOffset(ctx: JobContext, facts: CopyFacts): number {
  const cp = ctx.checkpoint as Partial<OffsetCheckpoint> | undefined;
  if (cp?.kind !== 'offset' || cp.size !== facts.size || cp.mtimeMs !== facts.modifiedAt || cp.sourceVersion !== facts.version) return 0;
  return cp.offset ?? 0;
}

/**
 * Writes a file from a stream into the hidden part file beside the target (as uploads do, so
 * the SFTP driver's discard clears it), resuming at the checkpoint's offset, then renames it
 * into place, gives it the source's modification time (and permissions when asked) and
 * checks its size.
 */
class SftpCopyTarget implements CopyTarget {
  /**
   * A write holds its channel while its source takes another; on one connection both come from
   * this pool, so only half its channels go to writes, and every write's source finds one.
   */
  private readonly writers: Gate;

  constructor(private readonly pool: SftpChannelPool) {
    this.writers = new Gate(Math.ceil(pool.maxTransferChannels / 2));
  }

  async write(path: string, facts: CopyFacts, source: CopyReader, ctx: JobContext): Promise<void> {
    await this.writers.enter(ctx.signal);
    try {
      await this.writeHolding(path, facts, source, ctx);
    } finally {
      this.writers.leave();
    }
  }

  private async writeHolding(path: string, facts: CopyFacts, source: CopyReader, ctx: JobContext): Promise<void> {
    const partPath = uploadPartPath(path);
    const channel = await this.pool.acquire(ctx.signal);
    let ok = false;
    try {
      let offset = resumeOffset(ctx, facts);
      if (isLanded(ctx.checkpoint)) {
        // The core stopped as the part was about to be renamed: rename it, or see it was.
        if (await channel.lstat(partPath).catch(() => undefined)) offset = facts.size;
        else if ((await channel.stat(path).catch(() => undefined))?.size === facts.size) offset = -1;
      }
      if (offset >= 0) {
        await makeParents(channel, path);
        const from = await this.fill(channel, partPath, offset, facts, (start) => source.open(start), ctx);
        if (from > 0) ctx.note(coreMessage('coreSftp:notes.resumedAt', { offset: from }));
        await source.unchanged();
        await ctx.saveCheckpointNow({ kind: 'landed', size: facts.size });
        await keepModeOfReplacedFile(channel, partPath, path);
        await renameIntoPlace(channel, partPath, path);
      }
      if (facts.modifiedAt !== undefined) {
        const seconds = facts.modifiedAt / 1000;
        await channel.setstat(path, { atime: seconds, mtime: seconds });
      }
      if (ctx.preservePermissions && facts.mode !== undefined) await channel.setstat(path, { mode: facts.mode });
      const landed = await channel.stat(path);
      if (landed.size !== facts.size) throw codedError('conflict', 'coreTransfers:copy.sizeChanged', { path, expected: facts.size, got: landed.size });
      ctx.note(coreMessage('coreSftp:notes.sizeOnly'));
      ctx.onProgress(facts.size);
      ok = true;
    } catch (error) {
      throw failure(error, path);
    } finally {
      this.pool.release(channel, ok);
    }
  }

  /** Writes the source's bytes from `start` (when the part file still holds that many) on into the part file, several writes in flight; answers where it started. */
  private async fill(channel: SftpChannel, partPath: string, start: number, facts: CopyFacts, open: (start: number) => Promise<ByteStream>, ctx: JobContext): Promise<number> {
    const part = start > 0 ? await channel.lstat(partPath).catch(() => undefined) : undefined;
    const from = part && part.size >= start ? start : 0;
    const handle = await channel.open(partPath, from > 0 ? 'r+' : 'w');
    // Named before the first byte: a cancel finds the part file to remove.
    await ctx.saveCheckpointNow(copyCheckpoint(from, facts));
    let ranges: Range[] = from > 0 ? [[0, from]] : [];
    let position = from;
    ctx.onProgress(from);
    const writing = new Set<Promise<void>>();
    let failed: unknown;
    try {
      for await (const piece of inPieces(await open(from), Math.min(chunkSize, channel.maxWriteLength))) {
        throwIfAborted(ctx.signal);
        if (failed) break;
        await ctx.throttle(piece.length);
        const at = position;
        position += piece.length;
        const write: Promise<void> = channel
          .write(handle, piece, 0, piece.length, at)
          .then(() => {
            ranges = addRange(ranges, at, at + piece.length);
            const done = contiguousEnd(ranges);
            ctx.onProgress(done);
            ctx.saveCheckpoint(copyCheckpoint(done, facts));
          })
          .catch((error: unknown) => {
            failed ??= error;
          })
          .finally(() => writing.delete(write));
        writing.add(write);
        while (writing.size >= inFlight) await Promise.race(writing);
      }
    } finally {
      // Whatever stopped the stream, the writes already sent settle before the attempt ends.
      await Promise.all(writing);
    }
    if (failed) throw failed;
    throwIfAborted(ctx.signal);
    if (position !== facts.size) throw codedError('conflict', 'coreTransfers:copy.sizeChanged', { path: partPath, expected: facts.size, got: position });
    if (from > 0) await channel.fsetstat(handle, { size: facts.size });
    await channel.close(handle);
    return from;
  }
}

/** An SFTP connection's ends of a copy between places, on its channel pool. */
export function sftpCopyEnds(pool: SftpChannelPool): CopyEnds {
  return { source: new SftpCopySource(pool), target: new SftpCopyTarget(pool) };
}

/** The ends of a connection that logs in again after a drop: each call runs on the live one. */
export function reconnectingCopyEnds(live: () => Promise<{ copy: CopyEnds }>): CopyEnds {
  return {
    source: {
      facts: async (path, signal) => (await live()).copy.source.facts(path, signal),
      read: async (path, facts, start, signal, end) => (await live()).copy.source.read(path, facts, start, signal, end),
      unchanged: async (path, facts, signal) => (await live()).copy.source.unchanged(path, facts, signal),
    },
    target: { write: async (path, facts, source, ctx) => (await live()).copy.target.write(path, facts, source, ctx) },
  };
}

import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { splitS3Path } from '../../../shared/paths.js';
import { AppError } from '../errors.js';
import { allWorkers } from '../lib/eachLimited.js';
import { SerialFileWriter } from '../lib/serialFileWriter.js';
import type { TransferContext } from '../fs/remoteFileSystem.js';
import { addRange, coveredBytes, isCovered, missingIn, type Range } from '../transfers/byteRanges.js';
import { extrasOf, type RangesCheckpoint } from '../transfers/jobContext.js';
import { MiB } from './multipartPlan.js';
import { PlainHttpRangeReader } from './plainHttpRanges.js';
import { plainHttpEndpoint } from './s3Client.js';
import { plainMd5Etag } from './s3TransferChecks.js';

/** Objects above this are fetched as parallel ranged GETs. */
export const rangedThreshold = 16 * MiB;

/**
 * The size of each ranged GET: large ranges cost less per byte (fewer requests, and 32 MiB
 * measured 10% faster than 8 MiB on a 1 GiB object), but every worker should still get a
 * few ranges, so a 100 MiB object keeps all its parts in flight.
 */
export function rangeSizeFor(size: number, partsInFlight: number): number {
  const quarterShare = Math.floor(size / (Math.max(1, partsInFlight) * 4) / MiB) * MiB;
  return Math.min(32 * MiB, Math.max(8 * MiB, quarterShare));
}

/**
 * Downloads an object into `partPath` (the caller renames it into place). Large objects
 * come as ranged GETs in parallel, written positionally; the ranges on disk are
 * checkpointed so a resume fetches only the rest. Every GET carries If-Match on the
 * ETag, so an object replaced meanwhile is noticed instead of stitched together.
 */
export async function downloadObject(client: S3Client, remotePath: string, partPath: string, ctx: TransferContext): Promise<void> {
  const x = extrasOf(ctx);
  const { bucket, key } = splitS3Path(remotePath);
  const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: ctx.signal });
  const size = head.ContentLength ?? 0;
  const etag = head.ETag;
  const given = x.checkpoint;
  const resume = given?.kind === 'ranges' && given.size === size && (given.etag === undefined || given.etag === etag) ? given : undefined;
  let done: Range[] = resume?.done ?? [];
  const file = await openPart(partPath, resume !== undefined);
  // Hash in line only when the whole object streams in order from byte 0.
  const sequential = size <= rangedThreshold && coveredBytes(done) === 0;
  const md5 = x.verifyChecksums && sequential && plainMd5Etag(etag) && !head.SSEKMSKeyId ? createHash('md5') : undefined;
  try {
    if (!resume) await file.truncate(0);
    const ranges: Range[] = [];
    const chunk = sequential ? Math.max(size, 1) : rangeSizeFor(size, x.partsInFlight);
    for (let start = 0; start < size; start += chunk) {
      const end = Math.min(size, start + chunk);
      if (!isCovered(done, start, end)) ranges.push(...missingIn(done, start, end));
    }
    let bytesDone = coveredBytes(done);
    if (bytesDone > 0) x.note(`Resumed: ${bytesDone} bytes were already downloaded.`);
    ctx.onProgress(bytesDone);
    const checkpoint = (): RangesCheckpoint => ({ kind: 'ranges', etag, size, done });
    const writer = new SerialFileWriter(file);
    x.saveCheckpoint(checkpoint());
    // Every piece on disk is checkpointed, so a resume refetches only what is missing.
    const onWritten = (at: number, n: number) => {
      done = addRange(done, at, at + n);
      x.saveCheckpoint(checkpoint());
      ctx.onProgress((bytesDone += n));
    };
    /** One range off a plain-HTTP socket; false when the answer was not that range (nothing written). */
    const viaPlainHttp = async (reader: PlainHttpRangeReader, start: number, end: number): Promise<boolean> => {
      const url = new URL(await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 900 }));
      let position = start;
      const sink = async (piece: Buffer, n: number) => {
        await x.throttle(n);
        md5?.update(piece.subarray(0, n));
        await writer.write(piece, n, position);
        onWritten(position, n);
        position += n;
      };
      return (await reader.get({ url, headers: etag ? { 'If-Match': etag } : {}, start, end }, sink, ctx.signal)) === 'done';
    };
    /** One range through the SDK, gathered into `block` for each positional write. */
    const viaSdk = async (start: number, end: number, block: Buffer): Promise<void> => {
      const out = await client.send(
        new GetObjectCommand({ Bucket: bucket, Key: key, IfMatch: etag, Range: size > 0 ? `bytes=${start}-${end - 1}` : undefined }),
        { abortSignal: ctx.signal },
      );
      const got = await writeBody(out.Body as Readable, writer, block, start, end, md5, x.throttle, onWritten);
      if (got !== end - start) throw new AppError('network', `The download of ${key} ended early (${got} of ${end - start} bytes of a range).`);
    };
    const plain = !sequential && (await plainHttpEndpoint(client)) !== undefined;
    const worker = async (stopped: () => boolean) => {
      let reader = plain ? new PlainHttpRangeReader(writeChunk) : undefined;
      // One write block per worker for all its ranges: a block per GET was 128 MiB of garbage per GiB.
      let block: Buffer | undefined;
      try {
        for (let r = ranges.shift(); r && !stopped(); r = ranges.shift()) {
          if (ctx.signal.aborted) throw new AppError('cancelled', 'Cancelled.');
          const [start, end] = r;
          if (reader && (await viaPlainHttp(reader, start, end))) continue;
          // Not the range asked for (an error, an expired URL, a server that refuses presigned
          // requests): the SDK asks again and explains, and this worker stays with it.
          reader?.close();
          reader = undefined;
          await viaSdk(start, end, (block ??= Buffer.allocUnsafe(Math.min(writeChunk, Math.max(chunk, 1)))));
        }
      } finally {
        reader?.close();
      }
    };
    // Every worker is waited for, so none still writes to the file once it is closed.
    await allWorkers(Math.max(1, Math.min(x.partsInFlight, ranges.length)), worker);
    const written = (await file.stat()).size;
    if (written !== size) throw new AppError('network', `The download of ${key} is incomplete: ${written} of ${size} bytes arrived.`);
  } finally {
    await file.close();
  }
  await verifyWhole(partPath, key, etag, md5, x.verifyChecksums && !head.SSEKMSKeyId);
}

async function openPart(path: string, resume: boolean): Promise<FileHandle> {
  if (resume) {
    try {
      return await open(path, 'r+');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return open(path, 'w');
}

/** Pieces off the socket are gathered to this size before each positional write. */
const writeChunk = MiB;

/** Writes one GET's body at `start`, in positional writes of `pending`'s size; answers the bytes written. */
async function writeBody(
  body: Readable,
  writer: SerialFileWriter,
  pending: Buffer,
  start: number,
  end: number,
  md5: Hash | undefined,
  throttle: (n: number) => Promise<void>,
  onWritten: (position: number, n: number) => void,
): Promise<number> {
  let filled = 0;
  let position = start;
  const flush = async () => {
    await writer.write(pending, filled, position);
    onWritten(position, filled);
    position += filled;
    filled = 0;
  };
  for await (const piece of body as AsyncIterable<Buffer>) {
    const usable = piece.subarray(0, Math.max(0, end - position - filled));
    if (usable.length === 0) break;
    await throttle(usable.length);
    md5?.update(usable);
    for (let taken = 0; taken < usable.length; ) {
      const n = usable.copy(pending, filled, taken);
      filled += n;
      taken += n;
      if (filled === pending.length) await flush();
    }
  }
  if (filled > 0) await flush();
  return position - start;
}

/** Single-part objects: the ETag is the MD5, so check it (hashing the file if it came in ranges). */
async function verifyWhole(path: string, key: string, etag: string | undefined, inline: Hash | undefined, verify: boolean) {
  const expected = plainMd5Etag(etag);
  if (!verify || !expected) return;
  let digest: string;
  if (inline) digest = inline.digest('hex');
  else {
    const hash = createHash('md5');
    for await (const piece of createReadStream(path, { highWaterMark: MiB }) as AsyncIterable<Buffer>) hash.update(piece);
    digest = hash.digest('hex');
  }
  if (digest !== expected) {
    throw new AppError('conflict', `The download of ${key} failed its integrity check: its MD5 (${digest}) does not match the server's ETag (${expected}).`);
  }
}

import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { splitS3Path } from '../../../shared/paths.js';
import { AppError } from '../errors.js';
import { allWorkers } from '../lib/eachLimited.js';
import { SerialFileWriter } from '../lib/serialFileWriter.js';
import type { TransferContext } from '../fs/remoteFileSystem.js';
import { PieceHasher } from '../lib/pieceHasher.js';
import { addRange, coveredBytes, missingIn, removeRange, type Range } from '../transfers/byteRanges.js';
import { extrasOf, type Checkpoint, type RangesCheckpoint } from '../transfers/jobContext.js';
import { verifyDownload } from './downloadVerification.js';
import { integrityCheckFor, type IntegrityCheck } from './objectIntegrity.js';
import { MiB } from './multipartPlan.js';
import { PlainHttpRangeReader } from './plainHttpRanges.js';
import { plainHttpEndpoint } from './s3Client.js';

/** Objects above this are fetched as parallel ranged GETs. */
export const rangedThreshold = 16 * MiB;
/** Parts up to this size are fetched and hashed whole; larger ones are split into ranges. */
const maxRangeSize = 64 * MiB;

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
 * The unit a download is checkpointed and checked in: the object's parts when they are
 * known and modest (their MD5s, hashed as they arrive, give the multipart ETag at once),
 * else the ranges a parallel download fetches, or the whole of a small object.
 */
function pieceSizeFor(check: IntegrityCheck, size: number, partsInFlight: number): number {
  const partSize = check.kind === 'multipart' ? check.partSizes[0] : undefined;
  if (partSize && partSize <= maxRangeSize) return partSize;
  return size <= rangedThreshold ? Math.max(size, 1) : rangeSizeFor(size, partsInFlight);
}

/** What a resumed download already has on disk, or undefined when it must start over. */
function resumedFrom(given: Checkpoint | undefined, etag: string | undefined, size: number, pieceSize: number) {
  if (given?.kind !== 'ranges' || given.size !== size || (given.etag !== undefined && given.etag !== etag)) return undefined;
  // Hashes count only in the piece size they were taken in.
  const hashes = given.pieceSize === pieceSize ? Object.entries(given.hashes ?? {}).map(([i, md5]) => [Number(i), md5] as const) : [];
  return { done: given.done ?? [], hashes: new Map(hashes) };
}

/** The bytes still missing, as ranges of at most about `most` bytes that start on a piece or where the bytes on disk end. */
function missingRanges(done: Range[], pieceSize: number, size: number, most: number): Range[] {
  const perRange = Math.max(1, Math.floor(most / pieceSize)) * pieceSize;
  const ranges: Range[] = [];
  for (let start = 0; start < size; start += perRange) ranges.push(...missingIn(done, start, Math.min(size, start + perRange)));
  return ranges;
}

/**
 * Downloads an object into `partPath` (the caller renames it into place). Large objects
 * come as ranged GETs in parallel, written positionally. Each piece's MD5 is taken as it
 * is written and checkpointed with it, so a resume fetches only the missing pieces and the
 * pieces already on disk can be proven unchanged. Every GET carries If-Match on the ETag,
 * so an object replaced meanwhile is noticed instead of stitched together; at the end the
 * file is checked against the ETag (see verifyDownload).
 */
export async function downloadObject(client: S3Client, remotePath: string, partPath: string, ctx: TransferContext): Promise<void> {
  const x = extrasOf(ctx);
  const { bucket, key } = splitS3Path(remotePath);
  const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: ctx.signal });
  const size = head.ContentLength ?? 0;
  const etag = head.ETag;
  const check: IntegrityCheck = x.verifyChecksums ? await integrityCheckFor(client, bucket, key, head, ctx.signal) : { kind: 'none' };
  const pieceSize = pieceSizeFor(check, size, x.partsInFlight);
  const resumed = resumedFrom(x.checkpoint, etag, size, pieceSize);
  let done: Range[] = resumed?.done ?? [];
  const hashes = resumed?.hashes ?? new Map<number, string>();
  const earlier = new Map(hashes);
  const checkpoint = (): RangesCheckpoint => ({ kind: 'ranges', etag, size, done, pieceSize, hashes: Object.fromEntries(hashes) });
  const file = await openPart(partPath, resumed !== undefined);
  try {
    if (!resumed) await file.truncate(0);
    const whole = size <= rangedThreshold;
    const ranges = missingRanges(done, pieceSize, size, whole ? size : Math.max(pieceSize, rangeSizeFor(size, x.partsInFlight)));
    let bytesDone = coveredBytes(done);
    if (bytesDone > 0) x.note(`Resumed: ${bytesDone} bytes were already downloaded.`);
    ctx.onProgress(bytesDone);
    x.saveCheckpoint(checkpoint());
    const writer = new SerialFileWriter(file);
    /** Where one GET's bytes go, in order from `start`: written, hashed by piece, checkpointed. */
    const rangeSink = (start: number) => {
      const hasher = new PieceHasher(start, pieceSize, size);
      let position = start;
      return async (block: Buffer, n: number): Promise<number> => {
        await writer.write(block, n, position);
        for (const piece of hasher.update(block.subarray(0, n))) hashes.set(piece.index, piece.md5);
        done = addRange(done, position, position + n);
        x.saveCheckpoint(checkpoint());
        position += n;
        ctx.onProgress((bytesDone += n));
        return position - start;
      };
    };
    /** One range off a plain-HTTP socket; false when the answer was not that range (nothing written). */
    const viaPlainHttp = async (reader: PlainHttpRangeReader, start: number, end: number): Promise<boolean> => {
      const url = new URL(await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 900 }));
      const sink = rangeSink(start);
      const write = async (block: Buffer, n: number) => {
        await x.throttle(n);
        await sink(block, n);
      };
      return (await reader.get({ url, headers: etag ? { 'If-Match': etag } : {}, start, end }, write, ctx.signal)) === 'done';
    };
    /** One range through the SDK, gathered into `block` for each positional write. */
    const viaSdk = async (start: number, end: number, block: Buffer): Promise<void> => {
      const out = await client.send(
        new GetObjectCommand({ Bucket: bucket, Key: key, IfMatch: etag, Range: size > 0 ? `bytes=${start}-${end - 1}` : undefined }),
        { abortSignal: ctx.signal },
      );
      const got = await writeBody(out.Body as Readable, block, end - start, x.throttle, rangeSink(start));
      if (got !== end - start) throw new AppError('network', `The download of ${key} ended early (${got} of ${end - start} bytes of a range).`);
    };
    const plain = !whole && (await plainHttpEndpoint(client)) !== undefined;
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
          await viaSdk(start, end, (block ??= Buffer.allocUnsafe(Math.min(writeChunk, Math.max(end - start, 1)))));
        }
      } finally {
        reader?.close();
      }
    };
    // Every worker is waited for, so none still writes to the file once it is closed.
    await allWorkers(Math.max(1, Math.min(x.partsInFlight, ranges.length)), worker);
    if ((await file.stat()).size > size) await file.truncate(size);
    const written = (await file.stat()).size;
    if (coveredBytes(done) !== size || written !== size) throw new AppError('network', `The download of ${key} is incomplete: ${written} of ${size} bytes arrived.`);
  } finally {
    await file.close();
  }
  const drop = (start: number, end: number) => {
    done = removeRange(done, start, end);
    x.saveCheckpoint(checkpoint());
  };
  await verifyDownload({ path: partPath, key, size, pieceSize, hashes, earlier, check, drop, note: x.note });
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

/** Hands one GET's body to `sink` in blocks of `pending`'s size; answers the bytes handed over. */
async function writeBody(
  body: Readable,
  pending: Buffer,
  length: number,
  throttle: (n: number) => Promise<void>,
  sink: (block: Buffer, n: number) => Promise<number>,
): Promise<number> {
  let filled = 0;
  let handed = 0;
  for await (const piece of body as AsyncIterable<Buffer>) {
    const usable = piece.subarray(0, Math.max(0, length - handed - filled));
    if (usable.length === 0) break;
    await throttle(usable.length);
    for (let taken = 0; taken < usable.length; ) {
      const n = usable.copy(pending, filled, taken);
      filled += n;
      taken += n;
      if (filled === pending.length) {
        handed = await sink(pending, filled);
        filled = 0;
      }
    }
  }
  if (filled > 0) handed = await sink(pending, filled);
  return handed;
}

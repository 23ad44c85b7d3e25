import { createHash } from 'node:crypto';
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { hashFilePieces } from '../lib/fileHashes.js';
import { throwIfAborted } from '../errors.js';
import type { ChecksumOutcome, ChecksumPair } from '../sync/syncSide.js';
import { candidatePartSizes } from './objectIntegrity.js';
import { multipartEtag, plainMd5Etag } from './s3TransferChecks.js';

export interface ChecksumContext {
  client: S3Client;
  bucket: string;
  /** The sync's key prefix (ending in `/`, or empty). */
  prefix: string;
  /** Bytes of local files read so far, of all that are to be read. */
  onProgress: (done: number, total: number) => void;
  signal?: AbortSignal;
}

const multipartShape = /^([0-9a-f]{32})-(\d{1,5})$/i;
const emptyMd5 = createHash('md5').digest('hex');

/**
 * Checksum mode: each local file's MD5 taken as S3 takes it, against the object's ETag from
 * the listing. A single-part ETag is the MD5 of the bytes; a multipart one is the MD5 of
 * the parts' MD5s, so its part size is read from the object's first part (one HEAD), or,
 * where the server does not tell, tried among the usual sizes that give its part count, all
 * in one pass over the file. An ETag that is neither (SSE-KMS, SSE-C) gives no verdict, and the time rule
 * decides that file.
 */
export async function compareChecksums(pairs: ChecksumPair[], ctx: ChecksumContext): Promise<ChecksumOutcome> {
  const verdicts = new Map<string, 'same' | 'differs'>();
  const comparable = pairs.filter((p) => plainMd5Etag(p.remote.etag) !== undefined || multipartShape.test(bare(p.remote.etag)));
  const total = comparable.reduce((sum, p) => sum + p.size, 0);
  let done = 0;
  let requests = 0;
  ctx.onProgress(0, total);
  for (const pair of comparable) {
    throwIfAborted(ctx.signal);
    const single = plainMd5Etag(pair.remote.etag);
    let verdict: 'same' | 'differs' | undefined;
    if (single !== undefined) verdict = (await localMd5(pair)) === single ? 'same' : 'differs';
    else {
      verdict = await multipartVerdict(ctx, pair);
      requests++;
    }
    if (verdict) verdicts.set(pair.relativePath, verdict);
    done += pair.size;
    ctx.onProgress(done, total);
  }
  return { verdicts, requests };
}

async function localMd5(pair: ChecksumPair): Promise<string | undefined> {
  if (pair.size === 0) return emptyMd5;
  return (await hashFilePieces(pair.localPath, pair.size, [pair.size])).get(pair.size)?.[0];
}

/** The local file against a multipart ETag; undefined when the part size is not known and no usual one gives the ETag. */
async function multipartVerdict(ctx: ChecksumContext, pair: ChecksumPair): Promise<'same' | 'differs' | undefined> {
  const expected = bare(pair.remote.etag).toLowerCase();
  const parts = Number(multipartShape.exec(expected)![2]);
  const told = await firstPartSize(ctx, pair.relativePath, pair.size);
  // One pass over the file for every part size that could have made the ETag.
  const sizes = told ? [told] : candidatePartSizes(pair.size, parts);
  const hashed = await hashFilePieces(pair.localPath, pair.size, sizes);
  if (sizes.some((size) => multipartEtag(hashed.get(size) ?? []) === expected)) return 'same';
  // Without the real part size, no match may only mean an unusual one.
  return told ? 'differs' : undefined;
}

function bare(etag: string | undefined): string {
  return (etag ?? '').replace(/"/g, '');
}

/**
 * The size of a multipart object's first part, which every part but the last shares, as a
 * HEAD of part 1 tells it; undefined where the server ignores the part number and answers
 * the whole object (Ceph RGW 16).
 */
async function firstPartSize(ctx: ChecksumContext, relativePath: string, size: number): Promise<number | undefined> {
  const head = await ctx.client.send(new HeadObjectCommand({ Bucket: ctx.bucket, Key: ctx.prefix + relativePath, PartNumber: 1 }), { abortSignal: ctx.signal });
  const length = head.ContentLength ?? 0;
  return length > 0 && length < size ? length : undefined;
}

import { createHash } from 'node:crypto';
import { coreMessage, type CoreMessage } from '../../../shared/i18n/englishMessages.js';
import { codedError, type AppError } from '../errors.js';
import { hashFilePieces, hashSomePieces } from '../lib/fileHashes.js';
import { fileChecksum } from './objectChecksums.js';
import type { IntegrityCheck } from './objectIntegrity.js';
import { multipartEtag } from './s3TransferChecks.js';

/** A finished `.part` and what is known of how its pieces arrived. */
export interface DownloadedPieces {
  path: string;
  key: string;
  size: number;
  pieceSize: number;
  /** Piece index → MD5 of its bytes as they arrived, for pieces fetched whole in one request. Changed in place. */
  hashes: Map<number, string>;
  /** The hashes recorded by earlier attempts (this attempt's were taken as the bytes were written). */
  earlier: ReadonlyMap<number, string>;
  check: IntegrityCheck;
  /** Forgets bytes [start, end) on disk, so the next attempt fetches them again. */
  drop(start: number, end: number): void;
  note(message: CoreMessage): void;
}

const emptyMd5 = createHash('md5').digest('hex');

/**
 * Proves a downloaded file is the object: pieces an earlier attempt left on disk must still
 * hash as they arrived (a piece changed while paused is named and fetched again, alone),
 * then the whole file must give the server's ETag, or its stored checksum where the ETag is
 * no MD5 (a directory bucket's). A file that cannot be proven says why.
 */
export async function verifyDownload(d: DownloadedPieces): Promise<void> {
  await recheckEarlierPieces(d);
  const { check } = d;
  if (check.kind === 'none') {
    if (check.reason) d.note(coreMessage(check.reason));
    return;
  }
  if (await matchesServer(d)) return;
  if (check.kind === 'multipart' && !check.exact) {
    d.note(coreMessage('coreS3:notes.notVerified.unknownParts'));
    return;
  }
  d.hashes.clear();
  d.drop(0, d.size);
  if (check.kind === 'checksum') throw codedError('conflict', 'coreS3:integrity.downloadChecksum', { key: d.key, algorithm: check.algorithm });
  throw codedError('conflict', 'coreS3:integrity.download', { key: d.key });
}

async function recheckEarlierPieces(d: DownloadedPieces): Promise<void> {
  const recorded = [...d.earlier];
  if (recorded.length === 0) return;
  const onDisk = await hashSomePieces(d.path, d.size, d.pieceSize, recorded.map(([i]) => i));
  const changed = recorded.filter(([i, md5]) => onDisk.get(i) !== md5).map(([i]) => i);
  if (changed.length === 0) return;
  for (const i of changed) {
    d.hashes.delete(i);
    d.drop(i * d.pieceSize, Math.min(d.size, (i + 1) * d.pieceSize));
  }
  throw changedPiecesError(d, changed);
}

/**
 * Names the pieces that changed: "Part 3 (bytes 16777216-25165823)" where pieces are the
 * object's parts, else the byte ranges. Lists hold only numbers, so every language's sentence takes them whole.
 */
function changedPiecesError(d: DownloadedPieces, indexes: number[]): AppError {
  const asParts = d.check.kind === 'multipart' && d.check.partSizes[0] === d.pieceSize;
  const from = (i: number) => i * d.pieceSize;
  const to = (i: number) => Math.min(d.size, (i + 1) * d.pieceSize) - 1;
  const { key } = d;
  if (asParts && indexes.length === 1) {
    const [i] = indexes as [number];
    return codedError('network', 'coreS3:integrity.partChanged', { part: i + 1, from: from(i), to: to(i), key });
  }
  if (asParts) return codedError('network', 'coreS3:integrity.partsChanged', { parts: indexes.map((i) => i + 1).join(', '), key });
  return codedError('network', 'coreS3:integrity.bytesChanged', { ranges: indexes.map((i) => `${from(i)}-${to(i)}`).join(', '), key });
}

async function matchesServer(d: DownloadedPieces): Promise<boolean> {
  const { check } = d;
  // One pass over the finished file: ranged GETs arrive out of order, and a CRC is of the bytes in order.
  if (check.kind === 'checksum') return (await fileChecksum(d.path, check.algorithm)) === check.value;
  if (check.kind === 'md5') {
    if (d.size === 0) return emptyMd5 === check.md5;
    const single = d.pieceSize >= d.size ? d.hashes.get(0) : undefined;
    const md5 = single || (await hashFilePieces(d.path, d.size, [d.size])).get(d.size)![0];
    return md5 === check.md5;
  }
  if (check.kind !== 'multipart') return false;
  const expected = `${check.md5OfMd5s}-${check.parts}`;
  const [first, ...others] = check.partSizes;
  // The pieces are the likeliest layout's parts: their MD5s, hashed as they arrived, give the ETag directly.
  if (first === d.pieceSize && (await etagOfPieces(d)) === expected) return true;
  const rest = first === d.pieceSize ? others : check.partSizes;
  if (rest.length === 0) return false;
  const hashed = await hashFilePieces(d.path, d.size, rest);
  return rest.some((size) => multipartEtag(hashed.get(size)!) === expected);
}

/** The multipart ETag from the pieces' MD5s; pieces that came in more than one request are hashed from disk. */
async function etagOfPieces(d: DownloadedPieces): Promise<string | undefined> {
  const count = Math.ceil(d.size / d.pieceSize);
  const unknown = [...Array(count).keys()].filter((i) => !d.hashes.has(i));
  const fromDisk = unknown.length ? await hashSomePieces(d.path, d.size, d.pieceSize, unknown) : new Map<number, string>();
  const md5s = [...Array(count).keys()].map((i) => d.hashes.get(i) ?? fromDisk.get(i) ?? '');
  return multipartEtag(md5s);
}

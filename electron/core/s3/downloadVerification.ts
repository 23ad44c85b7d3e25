import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';
import { hashFilePieces, hashSomePieces } from '../lib/fileHashes.js';
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
  note(detail: string): void;
}

const emptyMd5 = createHash('md5').digest('hex');

/**
 * Proves a downloaded file is the object: pieces an earlier attempt left on disk must still
 * hash as they arrived (a piece changed while paused is named and fetched again, alone),
 * then the whole file must give the server's ETag. A file that cannot be proven says why.
 */
export async function verifyDownload(d: DownloadedPieces): Promise<void> {
  await recheckEarlierPieces(d);
  const { check } = d;
  if (check.kind === 'none') {
    if (check.reason) d.note(`Downloaded, but not verified: ${check.reason}.`);
    return;
  }
  if (await matchesServer(d)) return;
  if (check.kind === 'multipart' && !check.exact) {
    d.note('Downloaded, but not verified: the server does not say how this object was split into parts, and no usual part size gives its ETag.');
    return;
  }
  d.hashes.clear();
  d.drop(0, d.size);
  throw new AppError(
    'conflict',
    `The download of ${d.key} failed its integrity check: its bytes do not give the server's ETag. Retry to download it again from the start.`,
  );
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
  throw new AppError('network', `${describePieces(d, changed)} of ${d.key} changed on disk after it was downloaded, so it is fetched again.`);
}

/** "Part 3 (bytes 16777216-25165823)" where pieces are the object's parts, else the byte ranges. */
function describePieces(d: DownloadedPieces, indexes: number[]): string {
  const asParts = d.check.kind === 'multipart' && d.check.partSizes[0] === d.pieceSize;
  const one = (i: number) => {
    const bytes = `bytes ${i * d.pieceSize}-${Math.min(d.size, (i + 1) * d.pieceSize) - 1}`;
    return asParts ? `part ${i + 1} (${bytes})` : bytes;
  };
  const text = indexes.map(one).join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function matchesServer(d: DownloadedPieces): Promise<boolean> {
  const { check } = d;
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

export const MiB = 1024 * 1024;
/** S3's limits: 10,000 parts, each 5 MiB to 5 GiB (the last may be smaller). */
export const maxParts = 10_000;
export const minPartSize = 5 * MiB;
export const maxPartSize = 5 * 1024 * MiB;
/** The largest object S3 stores: 5 TiB. */
export const maxObjectSize = 5 * 1024 * 1024 * MiB;

export interface PartRange {
  partNumber: number;
  offset: number;
  length: number;
}

/**
 * Automatic parts: about this many per file, from 8 to 64 MiB. A bigger file gets bigger
 * parts, so fewer requests (each one billed, signed and kept alive until it ends); memory
 * does not grow with them, since a part streams from disk (tests/bench/BENCHMARKS.md has
 * the measurements).
 */
const automaticPartsPerFile = 128;
const smallestAutomaticPart = 8 * MiB;
const largestAutomaticPart = 64 * MiB;

/**
 * A server whose answer takes this long is far away: every part then also waits a round trip
 * for its answer with its connection idle, which at 8 MiB parts is a tenth of a connection's
 * time at 40 ms. A quarter as many parts per file keeps that wait a small share.
 */
export const farAnswerMs = 25;
const farPartsPerFile = automaticPartsPerFile / 4;

/**
 * Picks a part size: the preferred one, or an automatic one that grows with the file (and
 * with the server's distance, from how long `answerMs` one request took), raised when needed
 * so any file up to the S3 maximum fits in 10,000 parts.
 */
export function choosePartSize(fileSize: number, preferred?: number, answerMs = 0): number {
  const perFile = answerMs >= farAnswerMs ? farPartsPerFile : automaticPartsPerFile;
  const automatic = Math.min(largestAutomaticPart, Math.max(smallestAutomaticPart, fileSize / perFile));
  const needed = Math.ceil(fileSize / maxParts);
  const size = Math.max(preferred ?? automatic, minPartSize, needed);
  return Math.ceil(size / MiB) * MiB;
}

export function planParts(fileSize: number, partSize: number): PartRange[] {
  const parts: PartRange[] = [];
  for (let offset = 0, n = 1; offset < fileSize || n === 1; offset += partSize, n++) {
    parts.push({ partNumber: n, offset, length: Math.min(partSize, fileSize - offset) });
    if (fileSize === 0) break;
  }
  return parts;
}

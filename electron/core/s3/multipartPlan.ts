export const MiB = 1024 * 1024;
/** S3's limits: 10,000 parts, each 5 MiB to 5 GiB (the last may be smaller). */
export const maxParts = 10_000;
export const minPartSize = 5 * MiB;
export const maxObjectSize = 5 * 1024 * 1024 * MiB * 1024; // 5 TiB

export interface PartRange {
  partNumber: number;
  offset: number;
  length: number;
}

/** Picks a part size so any file up to the S3 maximum fits in 10,000 parts. */
export function choosePartSize(fileSize: number, preferred = 8 * MiB): number {
  const needed = Math.ceil(fileSize / maxParts);
  const size = Math.max(preferred, minPartSize, needed);
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

import { open } from 'node:fs/promises';
import { PieceHasher } from './pieceHasher.js';

const block = 1024 * 1024;

/** One pass over a file: the MD5 of every piece, for each piece size asked (S3 ETags are built from these). */
export async function hashFilePieces(path: string, size: number, pieceSizes: number[]): Promise<Map<number, string[]>> {
  const hashers = pieceSizes.map((p) => ({ size: p, hasher: new PieceHasher(0, p, size), md5s: [] as string[] }));
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(block);
    for (let at = 0; at < size; ) {
      const { bytesRead } = await file.read(buffer, 0, Math.min(block, size - at), at);
      if (bytesRead === 0) break;
      for (const h of hashers) for (const piece of h.hasher.update(buffer.subarray(0, bytesRead))) h.md5s.push(piece.md5);
      at += bytesRead;
    }
  } finally {
    await file.close();
  }
  return new Map(hashers.map((h) => [h.size, h.md5s]));
}

/** The MD5 of some pieces of a file (pieces of `pieceSize`, the last one shorter). */
export async function hashSomePieces(path: string, size: number, pieceSize: number, indexes: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(block);
    for (const index of indexes) {
      const start = index * pieceSize;
      const end = Math.min(size, start + pieceSize);
      const hasher = new PieceHasher(start, pieceSize, size);
      for (let at = start; at < end; ) {
        const { bytesRead } = await file.read(buffer, 0, Math.min(block, end - at), at);
        if (bytesRead === 0) break;
        for (const piece of hasher.update(buffer.subarray(0, bytesRead))) out.set(piece.index, piece.md5);
        at += bytesRead;
      }
    }
  } finally {
    await file.close();
  }
  return out;
}

import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFilePieces, hashSomePieces } from '../../electron/core/lib/fileHashes.js';
import { PieceHasher } from '../../electron/core/lib/pieceHasher.js';
import { candidatePartSizes } from '../../electron/core/s3/objectIntegrity.js';
import { multipartEtag } from '../../electron/core/s3/s3TransferChecks.js';
import { makeTempDir } from '../support/tempDir.js';

const MiB = 1024 * 1024;
const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

describe('PieceHasher: per-piece MD5s of a stream, as S3 builds multipart ETags', () => {
  it('answers each piece as its last byte goes by, however the stream is cut', async () => {
    const data = randomBytes(10_000);
    const hasher = new PieceHasher(0, 3000, data.length);
    const got = [];
    for (let at = 0; at < data.length; at += 777) got.push(...(await hasher.update(data.subarray(at, at + 777))));
    expect(got).toEqual([0, 1, 2, 3].map((i) => ({ index: i, md5: md5(data.subarray(i * 3000, (i + 1) * 3000)) })));
  });

  it('gives no MD5 to a piece whose beginning it did not see', async () => {
    const data = randomBytes(9000);
    const hasher = new PieceHasher(1500, 3000, data.length);
    expect((await hasher.update(data.subarray(1500))).map((p) => p.index)).toEqual([1, 2]);
  });
});

describe('candidatePartSizes: the part sizes that give an ETag its part count', () => {
  it('finds the usual sizes first', () => {
    expect(candidatePartSizes(64 * MiB, 8)[0]).toBe(8 * MiB);
    expect(candidatePartSizes(13 * MiB, 3)).toContain(5 * MiB);
    expect(candidatePartSizes(100 * MiB, 1)).toEqual([100 * MiB]);
  });

  it('offers only sizes that make exactly that many parts, and few of them', () => {
    for (const [size, parts] of [[1024 * MiB + 5, 129], [48 * MiB + 5, 7], [20 * MiB, 2]] as const) {
      const sizes = candidatePartSizes(size, parts);
      expect(sizes.length).toBeGreaterThan(0);
      expect(sizes.length).toBeLessThanOrEqual(8);
      for (const p of sizes) expect(Math.ceil(size / p)).toBe(parts);
    }
  });

  it('answers none when no whole MiB or MB size fits (uneven parts)', () => {
    expect(candidatePartSizes(6 * MiB, 200)).toEqual([]);
  });
});

describe('file hashes: the disk side of a download check', () => {
  it('recomputes a multipart ETag in one pass for several layouts, and single pieces on demand', async () => {
    const dir = await makeTempDir('hashes');
    const data = randomBytes(13 * MiB + 17);
    const path = join(dir.path, 'f.bin');
    await writeFile(path, data);
    const parts = (p: number) => [...Array(Math.ceil(data.length / p)).keys()].map((i) => md5(data.subarray(i * p, (i + 1) * p)));
    const byLayout = await hashFilePieces(path, data.length, [5 * MiB, 8 * MiB]);
    expect(multipartEtag(byLayout.get(5 * MiB)!)).toBe(multipartEtag(parts(5 * MiB)));
    expect(byLayout.get(8 * MiB)).toEqual(parts(8 * MiB));
    expect(await hashSomePieces(path, data.length, 5 * MiB, [2])).toEqual(new Map([[2, parts(5 * MiB)[2]]]));
    await dir.remove();
  });
});

import { describe, expect, it } from 'vitest';
import { inPieces, readAll } from '../../electron/core/copy/byteStreams.js';
import { mtimeFromMetadata, mtimeToMetadata } from '../../electron/core/lib/rcloneMtime.js';

async function* chunks(sizes: number[]): AsyncGenerator<Buffer> {
  let n = 0;
  for (const size of sizes) yield Buffer.from(Array.from({ length: size }, () => n++ % 251));
}

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const piece of stream) out.push(piece);
  return out;
}

describe('cutting a copy stream into parts', () => {
  it('gives pieces of exactly the part size, the last one shorter, with every byte in order', async () => {
    const pieces = await collect(inPieces(chunks([3, 10, 1, 7, 4]), 6));
    expect(pieces.map((p) => p.length)).toEqual([6, 6, 6, 6, 1]);
    expect(Buffer.concat(pieces)).toEqual(await readAll(chunks([3, 10, 1, 7, 4])));
  });

  it('gives nothing for an empty stream and one piece for a stream shorter than a part', async () => {
    expect(await collect(inPieces(chunks([]), 8))).toEqual([]);
    expect((await collect(inPieces(chunks([2, 3]), 8))).map((p) => p.length)).toEqual([5]);
  });
});

describe('mtime as rclone writes it in S3 metadata', () => {
  it('writes Unix seconds with nine decimals', () => {
    expect(mtimeToMetadata(1_700_000_000_123)).toBe('1700000000.123000000');
    expect(mtimeToMetadata(1_700_000_100_000)).toBe('1700000100.000000000');
  });

  it('reads seconds with or without a fraction, and nothing else', () => {
    expect(mtimeFromMetadata('1700000000.5')).toBe(1_700_000_000_500);
    expect(mtimeFromMetadata('1700000000')).toBe(1_700_000_000_000);
    expect(mtimeFromMetadata('2023-11-14')).toBeUndefined();
    expect(mtimeFromMetadata(undefined)).toBeUndefined();
  });
});

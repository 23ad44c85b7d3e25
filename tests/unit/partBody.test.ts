import { createHash, randomBytes } from 'node:crypto';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartBody } from '../../electron/core/s3/partBody.js';
import { makeTempDir } from '../support/tempDir.js';

async function drain(body: PartBody): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of body as AsyncIterable<Buffer>) pieces.push(piece);
  return Buffer.concat(pieces);
}

describe('a multipart part streamed from disk', () => {
  const data = randomBytes(3 * 1024 * 1024 + 123);
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let path = '';

  beforeAll(async () => {
    work = await makeTempDir('part-body');
    path = join(work.path, 'file.bin');
    await writeFile(path, data);
  });
  afterAll(() => work.remove());

  it('sends exactly its range, several parts at once from one open file, and hashes what it sent', async () => {
    const file = await open(path, 'r');
    try {
      const size = 1024 * 1024;
      const parts = [0, 1, 2, 3].map((i) => ({ partNumber: i + 1, offset: i * size, length: Math.min(size, data.length - i * size) }));
      const bodies = parts.map((p) => new PartBody(file, p, true));
      const sent = await Promise.all(bodies.map(drain));
      parts.forEach((p, i) => {
        const expected = data.subarray(p.offset, p.offset + p.length);
        expect(sent[i]!.equals(expected)).toBe(true);
        expect(bodies[i]!.digest()).toBe(createHash('md5').update(expected).digest('hex'));
      });
    } finally {
      await file.close();
    }
  });

  it('fails, rather than hangs, when the file is shorter than the part', async () => {
    const file = await open(path, 'r');
    try {
      const body = new PartBody(file, { partNumber: 9, offset: data.length - 10, length: 1024 }, false);
      await expect(drain(body)).rejects.toThrow(/got shorter/);
    } finally {
      await file.close();
    }
  });
});

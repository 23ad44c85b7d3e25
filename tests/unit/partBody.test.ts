import { createHash, randomBytes } from 'node:crypto';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartBody, ReadBufferPool, readChunk } from '../../electron/core/s3/partBody.js';
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

  it('with a flow, waits for the bandwidth limit chunk by chunk and counts bytes as they stream', async () => {
    const file = await open(path, 'r');
    try {
      const part = { partNumber: 1, offset: 0, length: data.length };
      const asked: number[] = [];
      const counted: number[] = [];
      let released = 0;
      const flow = {
        // Holds the second chunk until the test lets it go: nothing more is read meanwhile.
        throttle: async (bytes: number) => {
          asked.push(bytes);
          if (asked.length === 2) await new Promise<void>((resolve) => setTimeout(() => ((released = Date.now()), resolve()), 50));
        },
        onRead: (bytes: number) => counted.push(bytes),
      };
      const sent = await drain(new PartBody(file, part, false, undefined, flow));
      expect(sent.equals(data)).toBe(true);
      expect(Math.max(...asked)).toBeLessThanOrEqual(readChunk);
      expect(asked.reduce((a, b) => a + b, 0)).toBe(data.length);
      expect(counted.length).toBeGreaterThan(4);
      expect(counted.reduce((a, b) => a + b, 0)).toBe(data.length);
      expect(released).toBeGreaterThan(0);
    } finally {
      await file.close();
    }
  });

  it('with a flow whose limit is aborted, fails the body instead of reading on', async () => {
    const file = await open(path, 'r');
    try {
      const part = { partNumber: 1, offset: 0, length: data.length };
      let reads = 0;
      const flow = {
        throttle: async () => {
          if (reads >= 1) throw new Error('stopped');
        },
        onRead: () => void reads++,
      };
      await expect(drain(new PartBody(file, part, false, undefined, flow))).rejects.toThrow('stopped');
      expect(reads).toBe(1);
    } finally {
      await file.close();
    }
  });

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

  it('reads into pooled buffers when piped into a request, reusing one only after its write completed', async () => {
    const file = await open(path, 'r');
    const whole = { partNumber: 1, offset: 0, length: data.length };
    try {
      const pool = new ReadBufferPool();
      const buffersSeen = new Set<ArrayBufferLike>();
      let at = 0;
      let intact = true;
      // Like a socket: a write counts in writableLength until its callback, which comes later.
      const slowSocket = new Writable({
        highWaterMark: 64 * 1024,
        write(chunk: Buffer, _encoding, done) {
          const offset = at;
          at += chunk.length;
          buffersSeen.add(chunk.buffer);
          setTimeout(() => {
            if (!chunk.equals(data.subarray(offset, offset + chunk.length))) intact = false;
            done();
          }, 2);
        },
      });
      for (let round = 0; round < 3; round++) {
        const body = new PartBody(file, whole, true, pool);
        at = 0;
        await pipeline(body, slowSocket, { end: false });
        // As when the server has answered: every byte was written.
        while (slowSocket.writableLength > 0) await new Promise((r) => setTimeout(r, 1));
        body.recycle();
        expect(at).toBe(data.length);
        expect(body.digest()).toBe(createHash('md5').update(data).digest('hex'));
      }
      expect(intact).toBe(true);
      const chunksSent = 3 * Math.ceil(data.length / readChunk);
      expect(buffersSeen.size).toBeLessThan(chunksSent / 3);
    } finally {
      await file.close();
    }
  });

  it('allocates its own buffers when read any other way than piped into one writer', async () => {
    const file = await open(path, 'r');
    try {
      const pool = new ReadBufferPool();
      const given: Buffer[] = [];
      const take = pool.take.bind(pool);
      pool.take = () => {
        const b = take();
        given.push(b);
        return b;
      };
      const sent = await drain(new PartBody(file, { partNumber: 1, offset: 0, length: data.length }, false, pool));
      expect(sent.equals(data)).toBe(true);
      expect(given).toEqual([]);
    } finally {
      await file.close();
    }
  });

  it('keeps its bytes intact when piped into a hasher and read by a second listener, as the SDK’s trailing checksum does', async () => {
    const file = await open(path, 'r');
    try {
      const pool = new ReadBufferPool();
      const body = new PartBody(file, { partNumber: 1, offset: 0, length: data.length }, 'crc32', pool);
      // The SDK's hasher: a writer done with each chunk at once.
      const hasher = new Writable({ write: (_chunk, _encoding, done) => done() });
      body.pipe(hasher);
      // Its aws-chunked stream: holds the chunks and sends them later.
      const held: Buffer[] = [];
      body.on('data', (chunk: Buffer) => held.push(chunk));
      await new Promise((done) => body.on('end', done));
      expect(Buffer.concat(held).equals(data)).toBe(true);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(data));
      expect(body.crc32()).toBe(crc.toString('base64'));
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

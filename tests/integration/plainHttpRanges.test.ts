import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../electron/core/s3/s3Client.js';
import { downloadObject } from '../../electron/core/s3/s3Download.js';
import { PlainHttpRangeReader } from '../../electron/core/s3/plainHttpRanges.js';
import { countSent } from '../support/countSent.js';
import { idleClosingRelay } from '../support/idleClosingRelay.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
const MiB = 1024 * 1024;

/** An S3 client as the app makes them, and how many GetObject requests it has really sent. */
function countingClient(endpoint = env.s3.endpoint): { client: S3Client; gets: () => number } {
  const client = createS3Client({ endpoint, region: env.s3.region, forcePathStyle: true, credentials: { accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey } });
  return { client, gets: countSent(client, 'GetObjectCommand') };
}

describe('ranged GETs read off a plain-HTTP socket, against the real RGW', () => {
  const bucket = uniqueBucketName('plain');
  const body = randomBytes(40 * MiB + 3);
  let etag = '';
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  const { client, gets } = countingClient();
  const presign = async (key = 'big.bin', via = client) => new URL(await getSignedUrl(via, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 300 }));

  /** Gathers what the sink is given, slowly and only at the end, so a block read into early would show. */
  function gathering(delayMs: number) {
    const pieces: Buffer[] = [];
    const sink = async (block: Buffer, n: number) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      pieces.push(Buffer.from(block.subarray(0, n)));
    };
    return { sink, bytes: () => Buffer.concat(pieces) };
  }

  beforeAll(async () => {
    work = await makeTempDir('plain-http');
    await createBucketWith(s3, bucket, {});
    etag = (await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'big.bin', Body: body }))).ETag!;
  });
  afterAll(async () => {
    await removeBucket(s3, bucket);
    await work.remove();
  });

  it('reads ranges on one kept-alive connection into two small blocks, pausing for a slow sink', async () => {
    const reader = new PlainHttpRangeReader(64 * 1024);
    try {
      for (const [start, end] of [[0, 1 * MiB], [5 * MiB + 7, 7 * MiB], [40 * MiB - 10, 40 * MiB + 3]] as const) {
        const { sink, bytes } = gathering(2);
        expect(await reader.get({ url: await presign(), headers: { 'If-Match': etag }, start, end }, sink, new AbortController().signal)).toBe('done');
        expect(bytes().equals(body.subarray(start, end))).toBe(true);
      }
    } finally {
      reader.close();
    }
  });

  it('declines, having sunk nothing, an answer that is not the range: a changed ETag, a missing key, a header that would split the request, a bad signature', async () => {
    const reader = new PlainHttpRangeReader(MiB);
    try {
      const signal = new AbortController().signal;
      const { sink, bytes } = gathering(0);
      const range = { start: 0, end: MiB };
      expect(await reader.get({ url: await presign(), headers: { 'If-Match': '"0123456789abcdef0123456789abcdef"' }, ...range }, sink, signal)).toBe('declined');
      expect(await reader.get({ url: await presign('missing.bin'), headers: {}, ...range }, sink, signal)).toBe('declined');
      expect(await reader.get({ url: await presign(), headers: { 'If-Match': '"a"\r\nX-Injected: 1' }, ...range }, sink, signal)).toBe('declined');
      const forged = await presign();
      forged.searchParams.set('X-Amz-Signature', '0'.repeat(64));
      expect(await reader.get({ url: forged, headers: {}, ...range }, sink, signal)).toBe('declined');
      expect(bytes().length).toBe(0);
      // And the reader still works after them, on a new connection.
      expect(await reader.get({ url: await presign(), headers: {}, ...range }, sink, signal)).toBe('done');
      expect(bytes().equals(body.subarray(0, MiB))).toBe(true);
    } finally {
      reader.close();
    }
  });

  it('sends again on a new connection when the server has closed the kept-alive one', async () => {
    const relay = await idleClosingRelay(new URL(env.s3.endpoint), 100);
    const viaRelay = countingClient(`http://127.0.0.1:${relay.port}`).client;
    const reader = new PlainHttpRangeReader(MiB);
    try {
      for (const start of [0, 3 * MiB]) {
        const url = await presign('big.bin', viaRelay);
        const { sink, bytes } = gathering(0);
        expect(await reader.get({ url, headers: {}, start, end: start + MiB }, sink, new AbortController().signal)).toBe('done');
        expect(bytes().equals(body.subarray(start, start + MiB))).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      // The second request found the first connection dropped, and went again on a second one.
      expect(relay.connections()).toBe(2);
    } finally {
      reader.close();
      relay.server.close();
    }
  });

  it('a failing sink fails the range with its own error, and is not called again', async () => {
    const reader = new PlainHttpRangeReader(256 * 1024);
    let calls = 0;
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const sink = async () => {
      calls++;
      if (calls === 2) throw full;
    };
    await expect(reader.get({ url: await presign(), headers: {}, start: 0, end: 8 * MiB }, sink, new AbortController().signal)).rejects.toBe(full);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(2);
    reader.close();
  });

  it('cancels mid-range: the promise rejects with "Cancelled." and the sink is done with its block by then', async () => {
    const reader = new PlainHttpRangeReader(256 * 1024);
    const abort = new AbortController();
    let writing = false;
    let calls = 0;
    const sink = async () => {
      writing = true;
      if (++calls === 3) abort.abort();
      await new Promise((resolve) => setTimeout(resolve, 20));
      writing = false;
    };
    await expect(reader.get({ url: await presign(), headers: {}, start: 0, end: 16 * MiB }, sink, abort.signal)).rejects.toThrow('Cancelled.');
    expect(writing).toBe(false);
    expect(calls).toBeLessThan(64);
    reader.close();
  });

  it('says so when nothing listens on the port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const url = await presign();
    url.port = String(port);
    const reader = new PlainHttpRangeReader(MiB);
    await expect(reader.get({ url, headers: {}, start: 0, end: MiB }, async () => undefined, new AbortController().signal)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('downloads a ranged object over http without a single GetObject through the SDK', async () => {
    const path = join(work.path, 'big.bin.part');
    const before = gets();
    await downloadObject(client, `/${bucket}/big.bin`, path, { signal: new AbortController().signal, onProgress: () => undefined });
    expect(gets() - before).toBe(0);
    expect((await readFile(path)).equals(body)).toBe(true);
  });

  it('falls back to the SDK when an answer is declined: an object replaced mid-download fails its If-Match there too', async () => {
    const replaced = countingClient();
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'moving.bin', Body: body }));
    // Replace the object right after the download's HEAD, before its GETs.
    replaced.client.middlewareStack.add(
      (next, context) => async (args) => {
        const out = await next(args);
        if (context.commandName === 'HeadObjectCommand') await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'moving.bin', Body: randomBytes(40 * MiB) }));
        return out;
      },
      { step: 'initialize', name: 'replaceAfterHead' },
    );
    const path = join(work.path, 'moving.bin.part');
    await expect(downloadObject(replaced.client, `/${bucket}/moving.bin`, path, { signal: new AbortController().signal, onProgress: () => undefined })).rejects.toMatchObject({
      $metadata: { httpStatusCode: 412 },
    });
    expect(replaced.gets()).toBeGreaterThan(0);
  });
});

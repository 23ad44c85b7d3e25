import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { direct, type ProxyFor } from '../../electron/core/net/proxyPicker.js';
import { parseProxyUrl } from '../../electron/core/net/proxyServer.js';
import { secureContextFor } from '../../electron/core/net/trustStore.js';
import { fetchRangeDirect, type RangeSource } from '../../electron/core/s3/rangeFetch.js';
import { createS3Client, directDispatcher } from '../../electron/core/s3/s3Client.js';
import { downloadObject } from '../../electron/core/s3/s3Download.js';
import { countSent } from '../support/countSent.js';
import { startConnectProxy } from '../support/connectProxy.js';
import { idleClosingRelay } from '../support/idleClosingRelay.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
const MiB = 1024 * 1024;
const secureContext = await secureContextFor(env.s3.caFile);

/** An S3 client as a connection makes it (its trust and proxy), and how many GetObject requests it has really sent through the SDK. */
function countingClient(endpoint: string, proxyFor: ProxyFor = direct): { client: S3Client; gets: () => number } {
  const client = createS3Client({
    endpoint,
    region: env.s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey },
    network: { proxyFor, secureContext },
  });
  return { client, gets: countSent(client, 'GetObjectCommand') };
}

/** Gathers what the sink is given, slowly, so a block reused before the sink is done with it would show. */
function gathering(delayMs: number) {
  const pieces: Buffer[] = [];
  const sink = async (block: Buffer, n: number) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    pieces.push(Buffer.from(block.subarray(0, n)));
    return pieces.reduce((sum, p) => sum + p.length, 0);
  };
  return { sink, bytes: () => Buffer.concat(pieces) };
}

describe.each([
  ['http', env.s3.endpoint],
  ['https', env.s3.tlsEndpoint!],
])('ranged GETs sent directly over %s, against the real RGW', (scheme, endpoint) => {
  const bucket = uniqueBucketName(`direct-${scheme}`);
  const body = randomBytes(40 * MiB + 3);
  let etag = '';
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  const { client, gets } = countingClient(endpoint);
  const source = (over: Partial<RangeSource> = {}): RangeSource => ({
    client,
    bucket,
    key: 'big.bin',
    etag,
    size: body.length,
    throttle: async () => undefined,
    signal: new AbortController().signal,
    ...over,
  });
  const fetchInto = (s: RangeSource, start: number, end: number, sink: (b: Buffer, n: number) => Promise<number>, via = client) =>
    fetchRangeDirect(s, directDispatcher(via)!, start, end, Buffer.allocUnsafe(256 * 1024), sink);

  beforeAll(async () => {
    work = await makeTempDir(`direct-${scheme}`);
    await createBucketWith(s3, bucket, {});
    etag = (await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'big.bin', Body: body }))).ETag!;
  });
  afterAll(async () => {
    client.destroy();
    await removeBucket(s3, bucket);
    await work.remove();
  });

  it('reads ranges into one reused block, waiting for a slow sink', async () => {
    for (const [start, end] of [[0, 1 * MiB], [5 * MiB + 7, 7 * MiB], [40 * MiB - 10, 40 * MiB + 3]] as const) {
      const { sink, bytes } = gathering(2);
      expect(await fetchInto(source(), start, end, sink)).toBe(true);
      expect(bytes().equals(body.subarray(start, end))).toBe(true);
    }
  });

  it('declines, having sunk nothing, an answer that is not the range: a changed ETag, a missing key, a header that would split the request, a bad signature', async () => {
    const { sink, bytes } = gathering(0);
    expect(await fetchInto(source({ etag: '"0123456789abcdef0123456789abcdef"' }), 0, MiB, sink)).toBe(false);
    expect(await fetchInto(source({ key: 'missing.bin', etag: undefined }), 0, MiB, sink)).toBe(false);
    expect(await fetchInto(source({ etag: '"a"\r\nX-Injected: 1' }), 0, MiB, sink)).toBe(false);
    const forger = countingClient(endpoint).client;
    forger.config.credentials = async () => ({ accessKeyId: env.s3.accessKeyId, secretAccessKey: 'not-the-secret' });
    expect(await fetchInto(source({ client: forger }), 0, MiB, sink, forger)).toBe(false);
    forger.destroy();
    expect(bytes().length).toBe(0);
    // And the next range still comes.
    expect(await fetchInto(source(), 0, MiB, sink)).toBe(true);
    expect(bytes().equals(body.subarray(0, MiB))).toBe(true);
  });

  it('opens a new connection when the server has closed the kept-alive one', async () => {
    const relay = await idleClosingRelay(new URL(endpoint), 100);
    const viaRelay = countingClient(`${scheme}://127.0.0.1:${relay.port}`).client;
    try {
      for (const start of [0, 3 * MiB]) {
        const { sink, bytes } = gathering(0);
        expect(await fetchInto(source({ client: viaRelay }), start, start + MiB, sink, viaRelay)).toBe(true);
        expect(bytes().equals(body.subarray(start, start + MiB))).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      expect(relay.connections()).toBe(2);
    } finally {
      viaRelay.destroy();
      relay.server.close();
    }
  });

  it('goes through the proxy the connection names for the endpoint', async () => {
    const proxy = await startConnectProxy();
    const viaProxy = countingClient(endpoint, async () => parseProxyUrl(proxy.url)).client;
    try {
      const { sink, bytes } = gathering(0);
      expect(await fetchInto(source({ client: viaProxy }), MiB, 2 * MiB, sink, viaProxy)).toBe(true);
      expect(bytes().equals(body.subarray(MiB, 2 * MiB))).toBe(true);
      expect(proxy.tunnels).toEqual([new URL(endpoint).host]);
    } finally {
      viaProxy.destroy();
      await proxy.close();
    }
  });

  it('a failing sink fails the range with its own error, and is not called again', async () => {
    let calls = 0;
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const sink = async () => {
      if (++calls === 2) throw full;
      return 0;
    };
    await expect(fetchInto(source(), 0, 8 * MiB, sink)).rejects.toBe(full);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(2);
  });

  it('cancels mid-range: the promise rejects with "Cancelled." and the sink is done with its block by then', async () => {
    const abort = new AbortController();
    let writing = false;
    let calls = 0;
    const sink = async () => {
      writing = true;
      if (++calls === 3) abort.abort();
      await new Promise((resolve) => setTimeout(resolve, 20));
      writing = false;
      return 0;
    };
    await expect(fetchInto(source({ signal: abort.signal }), 0, 16 * MiB, sink)).rejects.toThrow('Cancelled.');
    expect(writing).toBe(false);
    expect(calls).toBeLessThan(64);
  });

  it('leaves a refused connection to the SDK, which says so', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const nowhere = countingClient(`${scheme}://127.0.0.1:${port}`).client;
    try {
      expect(await fetchInto(source({ client: nowhere }), 0, MiB, async () => 0, nowhere)).toBe(false);
      await expect(downloadObject(nowhere, `/${bucket}/big.bin`, join(work.path, 'nowhere.part'), { signal: new AbortController().signal, onProgress: () => undefined })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      nowhere.destroy();
    }
  });

  it('downloads a ranged object without a single GetObject through the SDK', async () => {
    const path = join(work.path, 'big.bin.part');
    const before = gets();
    await downloadObject(client, `/${bucket}/big.bin`, path, { signal: new AbortController().signal, onProgress: () => undefined });
    expect(gets() - before).toBe(0);
    expect((await readFile(path)).equals(body)).toBe(true);
  });

  it('falls back to the SDK when an answer is declined: an object replaced mid-download fails its If-Match there too', async () => {
    const replaced = countingClient(endpoint);
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
    replaced.client.destroy();
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { direct, type ProxyFor } from '../../electron/core/net/proxyPicker.js';
import { parseProxyUrl } from '../../electron/core/net/proxyServer.js';
import { secureContextFor } from '../../electron/core/net/trustStore.js';
import { DirectPutter, type SmallPut } from '../../electron/core/s3/directPut.js';
import { createS3Client } from '../../electron/core/s3/s3Client.js';
import { startConnectProxy } from '../support/connectProxy.js';
import { S3TransferDriver } from '../../electron/core/s3/s3TransferDriver.js';
import { countSent } from '../support/countSent.js';
import { idleClosingRelay, type Relay } from '../support/idleClosingRelay.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { tricklingRelay } from '../support/tricklingRelay.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
const keys = { accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey };
const tlsEndpoint = env.s3.tlsEndpoint!;
const secureContext = await secureContextFor(env.s3.caFile);
/** A client as a connection makes it: its own trust (the test CA) and proxy (none unless given). */
const clientFor = (endpoint = env.s3.endpoint, credentials = keys, forcePathStyle = true, proxyFor: ProxyFor = direct) =>
  createS3Client({ endpoint, region: env.s3.region, forcePathStyle, credentials, network: { proxyFor, secureContext } });
const md5 = (body: Buffer) => createHash('md5').update(body).digest();
const live = () => new AbortController().signal;

describe.each([
  ['http', env.s3.endpoint],
  ['https', tlsEndpoint],
])('small PUTs signed and sent directly over %s, against the real RGW', (scheme, endpoint) => {
  const bucket = uniqueBucketName(`directput-${scheme}`);
  let putter: DirectPutter;
  const put = (key: string, body: Buffer, headers: Partial<SmallPut['headers']> = {}) =>
    putter.put({ bucket, key, body, md5: md5(body), headers: { ContentType: 'application/octet-stream', ...headers } }, live());

  beforeAll(async () => {
    await createBucketWith(s3, bucket, {});
    putter = (await DirectPutter.for(clientFor(endpoint)))!;
  });
  afterAll(async () => {
    await removeBucket(s3, bucket);
  });

  it('is there only for custom, path-style endpoints', async () => {
    expect(putter).toBeDefined();
    expect(await DirectPutter.for(clientFor(endpoint, keys, false))).toBeUndefined();
    expect(await DirectPutter.for(createS3Client({ region: env.s3.region, forcePathStyle: false, credentials: keys }))).toBeUndefined();
  });

  it('stores the bytes with content type, cache-control, storage class and metadata, and answers the MD5 ETag', async () => {
    const body = randomBytes(70_000);
    const out = await put('dir/one.bin', body, { ContentType: 'image/png', CacheControl: 'max-age=60', StorageClass: 'STANDARD', Metadata: { Owner: 'ann', note: 'two words' } });
    expect(out?.ETag).toBe(`"${md5(body).toString('hex')}"`);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'dir/one.bin' }));
    expect(head.ContentType).toBe('image/png');
    expect(head.CacheControl).toBe('max-age=60');
    expect(head.Metadata).toEqual({ owner: 'ann', note: 'two words' });
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'dir/one.bin' }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body)).toBe(true);
  });

  it('keeps keys that need escaping exactly as given', async () => {
    const names = ['a b/c+d%20e.txt', 'ünï/cödé ✓.txt', "q?x#y&z=1;(it's)*!.txt", 'tab\there', 'empty', 'x/'];
    for (const key of names) expect(await put(key, Buffer.from(key))).toBeDefined();
    const listed = (await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents?.map((c) => c.Key);
    for (const key of names) expect(listed).toContain(key);
  });

  it('declines, sending nothing, what plain headers cannot carry', async () => {
    expect(await put('meta.txt', Buffer.from('x'), { Metadata: { city: 'Zürich' } })).toBeUndefined();
    expect(await put('meta.txt', Buffer.from('x'), { Metadata: { 'bad name': 'x' } })).toBeUndefined();
    expect(await putter.put({ bucket, key: 'lone\ud800.txt', body: Buffer.from('x'), headers: { ContentType: 'text/plain' } }, live())).toBeUndefined();
    await expect(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'meta.txt' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
  });

  it('declines any answer but 200: a wrong secret, a body that does not match its MD5, a missing bucket', async () => {
    const wrong = (await DirectPutter.for(clientFor(endpoint, { ...keys, secretAccessKey: 'not-the-secret' })))!;
    expect(await wrong.put({ bucket, key: 'denied.txt', body: Buffer.from('x'), headers: { ContentType: 'text/plain' } }, live())).toBeUndefined();
    expect(await putter.put({ bucket, key: 'digest.txt', body: Buffer.from('x'), md5: md5(Buffer.from('y')), headers: { ContentType: 'text/plain' } }, live())).toBeUndefined();
    expect(await putter.put({ bucket: `${bucket}-none`, key: 'k', body: Buffer.from('x'), headers: { ContentType: 'text/plain' } }, live())).toBeUndefined();
    // The connection is still good after them.
    expect(await put('after.txt', Buffer.from('after'))).toBeDefined();
  });

  /** Puts two files through `relay` (`pause` ms apart) to the gateway's `scheme` port; answers how many connections the relay saw. */
  async function twoPutsVia(relay: Relay, bodySize: number, pause = 0): Promise<number> {
    const viaRelay = (await DirectPutter.for(clientFor(`${scheme}://127.0.0.1:${relay.port}`)))!;
    try {
      for (const key of ['relay/1', 'relay/2']) {
        const body = randomBytes(bodySize);
        expect((await viaRelay.put({ bucket, key, body, md5: md5(body), headers: { ContentType: 'text/plain' } }, live()))?.ETag).toBe(`"${md5(body).toString('hex')}"`);
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
      return relay.connections();
    } finally {
      relay.server.close();
    }
  }

  it('sends again on a new connection when the server has closed the kept-alive one', async () => {
    // The second request found the first connection dropped, and went again on a second one.
    expect(await twoPutsVia(await idleClosingRelay(new URL(endpoint), 100), 1000, 300)).toBe(2);
  });

  it('reads an answer whose head arrives a few bytes at a time, and keeps the connection for the next', async () => {
    expect(await twoPutsVia(await tricklingRelay(new URL(endpoint), 7), 5000)).toBe(1);
  });

  it('rejects with "Cancelled." when aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(putter.put({ bucket, key: 'never', body: Buffer.from('x'), headers: { ContentType: 'text/plain' } }, abort.signal)).rejects.toThrow('Cancelled.');
  });

  it('goes through the proxy the connection names for the endpoint', async () => {
    const proxy = await startConnectProxy();
    try {
      const viaProxy = (await DirectPutter.for(clientFor(endpoint, keys, true, async () => parseProxyUrl(proxy.url))))!;
      const body = randomBytes(3000);
      expect((await viaProxy.put({ bucket, key: 'proxied.bin', body, md5: md5(body), headers: { ContentType: 'text/plain' } }, live()))?.ETag).toBe(`"${md5(body).toString('hex')}"`);
      expect(proxy.tunnels).toEqual([new URL(endpoint).host]);
    } finally {
      await proxy.close();
    }
  });

  it('the driver puts small files without the SDK, and falls back to it for a declined PUT, which then explains the error', async () => {
    const work = await makeTempDir(`direct-put-${scheme}`);
    try {
      const file = join(work.path, 'f.txt');
      await writeFile(file, 'hello');
      const driver = new S3TransferDriver(clientFor(endpoint, { ...keys, secretAccessKey: 'not-the-secret' }));
      await expect(driver.upload(file, `/${bucket}/denied.txt`, { signal: live(), onProgress: () => undefined })).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
      const client = clientFor(endpoint);
      const sdkPuts = countSent(client, 'PutObjectCommand');
      await new S3TransferDriver(client).upload(file, `/${bucket}/fine.txt`, { signal: live(), onProgress: () => undefined });
      expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'fine.txt' }))).ContentLength).toBe(5);
      expect(sdkPuts()).toBe(0);
    } finally {
      await work.remove();
    }
  });
});

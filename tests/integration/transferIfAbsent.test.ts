import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, ListMultipartUploadsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/createCore.js';
import { TargetAppearedError } from '../../electron/core/fs/targetAppeared.js';
import { createS3Client } from '../../electron/core/s3/s3Client.js';
import { S3TransferDriver } from '../../electron/core/s3/s3TransferDriver.js';
import { coreClient } from '../support/coreClient.js';
import { awsErrorAnswer, startRewritingS3Proxy, type RecordedAnswer, type Rewrite, type RewritingS3Proxy } from '../support/rewritingS3Proxy.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectS3, coreOn, MiB, waitFor } from './transferSupport.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
const keys = { accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey };
const live = () => new AbortController().signal;

/** An empty ListObjectsV2 page and a HEAD's 404, as S3 answers them for a key that is not there. */
const emptyListing = (bucket: string): RecordedAnswer => ({
  status: 200,
  headers: { 'Content-Type': 'application/xml' },
  body: `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${bucket}</Name><Prefix></Prefix><KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>`,
});
const notFound: RecordedAnswer = { status: 404, headers: { 'x-amz-request-id': 'TX404' }, body: '' };
const preconditionFailed = awsErrorAnswer(
  412,
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message><Condition>If-None-Match</Condition><RequestId>8DH4R1X5TQZBCQ0C</RequestId><HostId>Q2x0eW5nZXIgaXMgbm90IGEgaG9zdA==</HostId></Error>',
);
const notImplemented = awsErrorAnswer(
  501,
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NotImplemented</Code><Message>A header you provided implies functionality that is not implemented</Message><Header>If-None-Match</Header><RequestId>TX501</RequestId><HostId>host</HostId></Error>',
);

describe('uploads that must land where nothing is (If-None-Match), against the real RGW', () => {
  const bucket = uniqueBucketName('ifabsent');
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let proxy: RewritingS3Proxy;
  let id = '';
  /** What the proxy does to each request of the running test; everything reaches RGW unchanged by default. */
  let rule: Rewrite = () => undefined;
  const read = async (key: string) => (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();

  beforeAll(async () => {
    work = await makeTempDir('if-absent');
    await createBucketWith(s3, bucket, {});
    proxy = await startRewritingS3Proxy(env.s3.endpoint, (method, url, headers) => rule(method, url, headers));
    core = await coreOn(join(work.path, 'data'), work.path);
    id = await connectS3(core, env, proxy.endpoint);
  });
  afterEach(() => {
    rule = () => undefined;
  });
  afterAll(async () => {
    await core.shutdown();
    await proxy.close();
    await removeBucket(s3, bucket);
    await work.remove();
  });

  it('the driver: RGW refuses a small PutObject over an object that is there, and writes it when asked to replace', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'driver.txt', Body: 'theirs' }));
    const file = join(work.path, 'driver.txt');
    await writeFile(file, 'mine');
    const driver = new S3TransferDriver(createS3Client({ endpoint: env.s3.endpoint, region: env.s3.region, forcePathStyle: true, credentials: keys }));
    const ctx = (onlyIfAbsent: boolean) => ({ signal: live(), onProgress: () => undefined, onlyIfAbsent });
    await expect(driver.upload(file, `/${bucket}/driver.txt`, ctx(true))).rejects.toBeInstanceOf(TargetAppearedError);
    expect(await read('driver.txt')).toBe('theirs');
    await driver.upload(file, `/${bucket}/driver.txt`, ctx(false));
    expect(await read('driver.txt')).toBe('mine');
  });

  it('a key that appears after the check turns the refused upload into the conflict question, and "skip" keeps what is there', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'raced.txt', Body: 'theirs' }));
    // Until the upload's PUT, the key looks free (as it was when the check ran); the PUT reaches RGW, which has it.
    let putSeen = false;
    let conditional = false;
    rule = (method, url, headers) => {
      if (method === 'PUT' && url.pathname.endsWith('/raced.txt')) {
        putSeen = true;
        conditional = headers['if-none-match'] === '*';
        return undefined;
      }
      if (putSeen) return undefined;
      if (method === 'GET' && url.searchParams.get('list-type') === '2') return emptyListing(bucket);
      if (method === 'HEAD' && url.pathname.endsWith('/raced.txt')) return notFound;
      return undefined;
    };
    const file = join(work.path, 'raced.txt');
    await writeFile(file, 'mine');
    const call = coreClient(core);
    await call('transfers:setSettings', { changes: { conflictPolicy: 'ask' } });
    const [t] = await call('transfers:upload', { connectionId: id, localPaths: [file], remoteFolder: `/${bucket}/` });
    const asked = await waitFor(core, t!.id, (s) => s.state === 'waiting' || s.state === 'completed' || s.state === 'failed');
    expect(conditional).toBe(true);
    expect(asked.state).toBe('waiting');
    expect(asked.conflict?.targetPath).toBe(`/${bucket}/raced.txt`);
    expect(await read('raced.txt')).toBe('theirs');
    await call('transfers:resolveConflict', { id: t!.id, choice: 'skip', applyToAll: false });
    expect((await waitFor(core, t!.id, (s) => s.state === 'completed' || s.state === 'failed')).state).toBe('completed');
    expect(await read('raced.txt')).toBe('theirs');
  });

  it('a multipart upload refused at CompleteMultipartUpload (recorded AWS 412) asks the question and leaves no parts behind (recorded AWS responses)', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'big.bin', Body: 'theirs' }));
    let completeRefused = false;
    rule = (method, url, headers) => {
      if (method === 'POST' && url.pathname.endsWith('/big.bin') && url.searchParams.has('uploadId') && headers['if-none-match'] === '*') {
        completeRefused = true;
        return preconditionFailed;
      }
      if (completeRefused) return undefined;
      if (method === 'GET' && url.searchParams.get('list-type') === '2') return emptyListing(bucket);
      if (method === 'HEAD' && url.pathname.endsWith('/big.bin')) return notFound;
      return undefined;
    };
    const file = join(work.path, 'big.bin');
    await writeFile(file, randomBytes(12 * MiB));
    const call = coreClient(core);
    await call('transfers:setSettings', { changes: { conflictPolicy: 'ask', multipartThreshold: 5 * MiB } });
    const [t] = await call('transfers:upload', { connectionId: id, localPaths: [file], remoteFolder: `/${bucket}/` });
    const asked = await waitFor(core, t!.id, (s) => s.state === 'waiting' || s.state === 'completed' || s.state === 'failed');
    expect(completeRefused).toBe(true);
    expect(asked.state).toBe('waiting');
    expect(await read('big.bin')).toBe('theirs');
    const left = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    expect(left.Uploads ?? []).toEqual([]);
    await call('transfers:resolveConflict', { id: t!.id, choice: 'overwrite', applyToAll: false });
    expect((await waitFor(core, t!.id, (s) => s.state === 'completed' || s.state === 'failed')).state).toBe('completed');
    expect((await read('big.bin')).length).toBeGreaterThan(0);
  });

  it('a server that answers 501 to If-None-Match (recorded AWS-style refusal) is written without it from then on', async () => {
    let refused = 0;
    let plainPuts = 0;
    rule = (method, url, headers) => {
      if (method !== 'PUT' || !url.pathname.includes('/plain-')) return undefined;
      if (headers['if-none-match']) {
        refused++;
        return notImplemented;
      }
      plainPuts++;
      return undefined;
    };
    const call = coreClient(core);
    await call('transfers:setSettings', { changes: { conflictPolicy: 'ask' } });
    for (const name of ['plain-1.txt', 'plain-2.txt']) {
      const file = join(work.path, name);
      await writeFile(file, name);
      const [t] = await call('transfers:upload', { connectionId: id, localPaths: [file], remoteFolder: `/${bucket}/` });
      expect((await waitFor(core, t!.id, (s) => s.state === 'completed' || s.state === 'failed')).state).toBe('completed');
      expect(await read(name)).toBe(name);
    }
    // The direct PUT and the SDK's each met the refusal once; after that the client no longer asks.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThanOrEqual(2);
    expect(plainPuts).toBe(2);
  });
});

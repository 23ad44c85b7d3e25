import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/createCore.js';
import { detailText, type TransferSnapshot } from '../../shared/transfers.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { awsErrorAnswer, startRewritingS3Proxy, type RewritingS3Proxy } from '../support/rewritingS3Proxy.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectS3, coreOn } from './transferSupport.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);

// What AWS answers a CopyObject of an archived (Glacier, not restored) object, and when it throttles.
const archivedAnswer = awsErrorAnswer(
  403,
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InvalidObjectState</Code><Message>Operation is not valid for the source object\'s storage class</Message><StorageClass>GLACIER</StorageClass><RequestId>8XKJ2M4Q1N7ZB3VD</RequestId><HostId>q0Ns1kd7pXWzTzL9aR0F6yJ1hYH3qk5Wn8ZG2oV4sE1mA7uB9cD3eF5gH7iJ9kL1</HostId></Error>',
);
const slowDownAnswer = awsErrorAnswer(
  503,
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>4PB7YV1T9Q2M6HXC</RequestId><HostId>Zr8kT2mW4pQ6sV8xB0dF2hJ4lN6pR8tV0xZ2bD4fH6jL8nP0rT2vX4zB6dF8hJ0l</HostId></Error>',
);

describe('storage class changes as transfer queue jobs, against the real RGW', () => {
  const bucket = uniqueBucketName('sclass-queue');
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let dataDir: string;
  let core: Core;
  let call: ReturnType<typeof coreClient>;
  let proxy: RewritingS3Proxy;
  let id = '';
  /** CopyObject requests for `throttled.txt` answered "slow down" so far. */
  let throttledPuts = 0;

  const classOf = async (key: string) => (await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).StorageClass ?? 'STANDARD';
  const put = (key: string, body: string = key) => s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  const settled = (ids: string[]) => core.transfers.list().filter((t) => ids.includes(t.id));

  async function start() {
    core = await coreOn(dataDir, work.path);
    call = coreClient(core);
    if (id) expect((await call('connections:connect', { id })).state).toBe('connected');
    else id = await connectS3(core, env, proxy.endpoint);
  }

  beforeAll(async () => {
    work = await makeTempDir('sclass-queue');
    dataDir = join(work.path, 'data');
    await createBucketWith(s3, bucket, {});
    proxy = await startRewritingS3Proxy(env.s3.endpoint, (method, url) => {
      if (method !== 'PUT' || url.searchParams.get('x-id') !== 'CopyObject') return undefined;
      if (url.pathname === `/${bucket}/fail/archived.bin`) return archivedAnswer;
      // More than the SDK's own attempts (3), so the queue must retry too.
      if (url.pathname === `/${bucket}/fail/throttled.txt` && throttledPuts < 4) {
        throttledPuts++;
        return slowDownAnswer;
      }
      return undefined;
    });
    await start();
    await call('transfers:setSettings', { changes: { conflictPolicy: 'ask' } });
  });
  afterAll(async () => {
    await core.shutdown();
    await proxy.close();
    await removeBucket(s3, bucket);
    await work.remove();
  });

  it('changes a selection and a whole prefix, one row per object, keeping bytes and metadata, without asking about conflicts', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'a.txt', Body: 'alpha', ContentType: 'text/x-alpha', Metadata: { owner: 'me' } }));
    for (const k of ['p/one.txt', 'p/two.txt', 'p/deep/three.txt', 'q/stay.txt']) await put(k);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'p/empty-folder/', Body: '' }));

    const queued = await call('transfers:changeStorageClass', { connectionId: id, paths: [`/${bucket}/a.txt`, `/${bucket}/p/`], storageClass: 'STANDARD_IA' });
    expect(queued.map((t) => [t.direction, t.name, t.remotePath, t.size, t.storageClass])).toEqual([
      ['storageClass', 'a.txt', `/${bucket}/a.txt`, 5, 'STANDARD_IA'],
      ['storageClass', 'three.txt', `/${bucket}/p/deep/three.txt`, 'p/deep/three.txt'.length, 'STANDARD_IA'],
      ['storageClass', 'one.txt', `/${bucket}/p/one.txt`, 'p/one.txt'.length, 'STANDARD_IA'],
      ['storageClass', 'two.txt', `/${bucket}/p/two.txt`, 'p/two.txt'.length, 'STANDARD_IA'],
    ]);
    await core.transfers.whenIdle();
    const done = settled(queued.map((t) => t.id));
    // The objects exist already ("ask" is the policy), yet nobody is asked: a copy onto itself is no conflict.
    expect(done.map((t) => [t.state, t.bytesDone === t.size, t.error])).toEqual(queued.map(() => ['completed', true, undefined]));

    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'a.txt' }));
    expect([head.StorageClass, head.ContentType, head.Metadata]).toEqual(['STANDARD_IA', 'text/x-alpha', { owner: 'me' }]);
    expect(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'a.txt' }))).Body!.transformToString()).toBe('alpha');
    for (const k of ['p/one.txt', 'p/two.txt', 'p/deep/three.txt']) expect(await classOf(k)).toBe('STANDARD_IA');
    expect(await classOf('q/stay.txt')).toBe('STANDARD');
    const listing = await call('fs:list', { connectionId: id, path: `/${bucket}/p/` });
    expect(listing.entries.filter((e) => e.kind === 'file').map((e) => e.storageClass)).toEqual(['STANDARD_IA', 'STANDARD_IA']);

    // Asking again copies nothing: S3 would refuse a copy onto itself that changes nothing.
    const [again] = await call('transfers:changeStorageClass', { connectionId: id, paths: [`/${bucket}/a.txt`], storageClass: 'STANDARD_IA' });
    await core.transfers.whenIdle();
    expect(settled([again!.id])[0]).toMatchObject({ state: 'completed', detail: [{ key: 'coreTransfers:notes.alreadyInClass', text: 'It already had this storage class: nothing was copied.' }] });
  });

  it('shows a failing object as failed with its reason while the others complete, and retries throttling', async () => {
    for (const k of ['fail/archived.bin', 'fail/fine.txt', 'fail/throttled.txt']) await put(k);
    const queued = await call('transfers:changeStorageClass', {
      connectionId: id,
      paths: [`/${bucket}/fail/`, `/${bucket}/gone.txt`],
      storageClass: 'STANDARD_IA',
    });
    await core.transfers.whenIdle();
    const byName = Object.fromEntries(settled(queued.map((t) => t.id)).map((t) => [t.name, t]));
    expect(Object.keys(byName).sort()).toEqual(['archived.bin', 'fine.txt', 'gone.txt', 'throttled.txt']);
    expect(byName['archived.bin']).toMatchObject({
      state: 'failed',
      error: { kind: 'conflict', message: 'The object is archived (Glacier or Deep Archive): restore it before changing its class.' },
    });
    expect(byName['gone.txt']).toMatchObject({ state: 'failed', error: { kind: 'notFound' } });
    expect(byName['fine.txt']?.state).toBe('completed');
    expect(byName['throttled.txt']).toMatchObject({ state: 'completed' });
    expect(detailText(byName['throttled.txt']!)).toMatch(/^Completed after [1-9]\d* automatic retr/);
    expect(throttledPuts).toBe(4);
    expect([await classOf('fail/archived.bin'), await classOf('fail/fine.txt'), await classOf('fail/throttled.txt')]).toEqual([
      'STANDARD',
      'STANDARD_IA',
      'STANDARD_IA',
    ]);

    // The failed one can be retried from the queue: the proxy refuses it again, with the same words.
    await call('transfers:retry', { ids: [byName['archived.bin']!.id] });
    await core.transfers.whenIdle();
    expect(settled([byName['archived.bin']!.id])[0]).toMatchObject({ state: 'failed', error: { kind: 'conflict' } });
  });

  it('cancelled mid-way, leaves the objects it had not reached unchanged', async () => {
    await call('transfers:setSettings', { changes: { filesInParallel: 1 } });
    const keys = Array.from({ length: 40 }, (_, i) => `many/f${String(i).padStart(2, '0')}.txt`);
    for (const k of keys) await put(k);
    const started = new Set<string>();
    let cancelling: Promise<void> | undefined;
    let ids: string[] = [];
    const off = core.events.subscribe((channel, payload) => {
      if (channel !== 'transfers:changed') return;
      const t = payload as TransferSnapshot;
      if (t.state === 'running') started.add(t.id);
      if (t.state === 'completed' && ids.length && !cancelling) cancelling = core.transfers.cancel(ids);
    });
    try {
      ids = (await call('transfers:changeStorageClass', { connectionId: id, paths: [`/${bucket}/many/`], storageClass: 'STANDARD_IA' })).map((t) => t.id);
      expect(ids).toHaveLength(40);
      await expect.poll(() => cancelling !== undefined).toBe(true);
      await cancelling;
      await core.transfers.whenIdle();
    } finally {
      off();
      await call('transfers:setSettings', { changes: { filesInParallel: 4 } });
    }
    const jobs = settled(ids);
    const completed = jobs.filter((t) => t.state === 'completed');
    const untouched = jobs.filter((t) => !started.has(t.id));
    expect(completed.length).toBeGreaterThan(0);
    expect(untouched.length).toBeGreaterThan(20);
    expect(untouched.every((t) => t.state === 'cancelled')).toBe(true);
    for (const t of completed) expect(await classOf(t.remotePath.slice(bucket.length + 2))).toBe('STANDARD_IA');
    for (const t of untouched) expect(await classOf(t.remotePath.slice(bucket.length + 2))).toBe('STANDARD');
  });

  it('pauses, survives a restart with the queue, and resumes to finish every object', async () => {
    await call('transfers:setSettings', { changes: { filesInParallel: 1 } });
    const keys = Array.from({ length: 8 }, (_, i) => `later/f${i}.txt`);
    for (const k of keys) await put(k);
    const queued = await call('transfers:changeStorageClass', { connectionId: id, paths: [`/${bucket}/later/`], storageClass: 'GLACIER_IR' });
    const ids = queued.map((t) => t.id);
    await call('transfers:pause', { ids });
    await core.transfers.whenIdle();
    const paused = settled(ids).filter((t) => t.state === 'paused');
    // The ones already done before the pause landed stay done; at least the queued tail is paused.
    expect(paused.length).toBeGreaterThan(3);

    await core.shutdown();
    await start();
    const back = (await call('transfers:list', {})).filter((t) => ids.includes(t.id));
    expect(back.filter((t) => t.state === 'paused').map((t) => [t.direction, t.storageClass])).toEqual(paused.map(() => ['storageClass', 'GLACIER_IR']));

    await call('transfers:resume', { ids });
    await core.transfers.whenIdle();
    expect(settled(ids).map((t) => t.state)).toEqual(ids.map(() => 'completed'));
    for (const k of keys) expect(await classOf(k)).toBe('GLACIER_IR');
    await call('transfers:setSettings', { changes: { filesInParallel: 4 } });
  });

  it('refuses the list of buckets as a path, in words', async () => {
    expect(await failureOf(call('transfers:changeStorageClass', { connectionId: id, paths: ['/'], storageClass: 'STANDARD_IA' }))).toMatchObject({
      kind: 'invalidInput',
      message: 'Choose files, folders or a bucket, not the list of buckets.',
    });
  });
});

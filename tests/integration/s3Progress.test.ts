import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FsProgress } from '../../shared/contract/fs.js';
import type { S3ConnectionDraft } from '../../shared/connections.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
const keyCount = 1500;

const draft: S3ConnectionDraft = {
  protocol: 's3',
  name: 'RGW progress',
  endpoint: { kind: 'custom', url: env.s3.endpoint },
  region: env.s3.region,
  forcePathStyle: true,
  rememberSecret: true,
  auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey },
};

async function countUnder(bucket: string, prefix: string): Promise<number> {
  let count = 0;
  let token: string | undefined;
  do {
    const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    count += out.KeyCount ?? 0;
    token = out.NextContinuationToken;
  } while (token);
  return count;
}

describe('progress and cancel for long S3 folder copy, move and delete', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let id: string;
  const bucket = uniqueBucketName('progress');
  const progress: FsProgress[] = [];
  const eventsOf = (operationId: string) => progress.filter((p) => p.operationId === operationId);

  beforeAll(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const keys = Array.from({ length: keyCount }, (_, i) => `big/sub${i % 3}/file-${String(i).padStart(5, '0')}.txt`);
    const workers = Array.from({ length: 32 }, async () => {
      for (let key = keys.shift(); key; key = keys.shift()) {
        await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x' }));
      }
    });
    await Promise.all(workers);
    h = await startHeadlessCore();
    h.core.events.subscribe((channel, payload) => {
      if (channel === 'fs:progress') progress.push(payload as FsProgress);
    });
    call = coreClient(h.core);
    id = (await call('connections:save', { draft })).id;
    await call('connections:connect', { id });
  }, 120_000);
  afterAll(async () => {
    await removeBucket(s3, bucket);
    await h?.dispose();
  }, 120_000);

  it(`copying a folder of ${keyCount} keys sends increasing progress events that end at the total`, async () => {
    await call('fs:copy', { connectionId: id, from: `/${bucket}/big/`, to: `/${bucket}/copy/`, operationId: 'copy-1' });
    const events = eventsOf('copy-1');
    expect(events.length).toBeGreaterThan(2);
    expect(events.every((e) => e.verb === 'copy')).toBe(true);
    expect(events[0]!.done).toBe(0);
    // The count comes first: 1500 files in 4 folders (big/ and its three subfolders).
    expect(events[0]!.total).toBe(keyCount + 4);
    for (let i = 1; i < events.length; i++) expect(events[i]!.done).toBeGreaterThanOrEqual(events[i - 1]!.done);
    const middle = events.slice(1, -1);
    expect(middle.some((e) => e.done > 0 && e.done < keyCount)).toBe(true);
    const last = events.at(-1)!;
    expect(last).toEqual({ operationId: 'copy-1', verb: 'copy', done: keyCount, total: keyCount });
    expect(await countUnder(bucket, 'copy/')).toBe(keyCount);
  }, 180_000);

  it('cancelling a folder copy stops it with kind "cancelled" and leaves the rest uncopied', async () => {
    const running = call('fs:copy', { connectionId: id, from: `/${bucket}/big/`, to: `/${bucket}/halted/`, operationId: 'copy-2' });
    const failure = failureOf(running);
    await expect.poll(() => eventsOf('copy-2').some((e) => e.done > 0), { timeout: 60_000, interval: 20 }).toBe(true);
    await call('fs:cancel', { operationId: 'copy-2' });
    const error = await failure;
    expect(error.kind).toBe('cancelled');
    expect(error.message).toMatch(/cancelled/i);
    const copied = await countUnder(bucket, 'halted/');
    expect(copied).toBeGreaterThan(0);
    // A CopyObject already sent may still finish on the server, but the rest never starts.
    expect(copied).toBeLessThan(keyCount);
    expect(eventsOf('copy-2').at(-1)!.done).toBeLessThan(keyCount);
  }, 180_000);

  it('a folder delete reports progress up to what it deleted; cancel is a no-op once it has finished', async () => {
    await call('fs:delete', { connectionId: id, paths: [`/${bucket}/halted/`], operationId: 'del-1' });
    const report = await call('fs:delete', { connectionId: id, paths: [`/${bucket}/copy/`], operationId: 'del-2' });
    expect(report).toEqual({ deleted: keyCount, failed: [] });
    const last = eventsOf('del-2').at(-1)!;
    expect(last).toEqual({ operationId: 'del-2', verb: 'delete', done: keyCount, total: keyCount });
    await call('fs:cancel', { operationId: 'del-2' });
    expect(await countUnder(bucket, 'copy/')).toBe(0);
  }, 180_000);

  it('a folder move reports progress as "move" and an operation id cannot be reused while running', async () => {
    const moving = call('fs:rename', { connectionId: id, from: `/${bucket}/big/sub0/`, to: `/${bucket}/moved/`, operationId: 'move-1' });
    const clash = await failureOf(call('fs:copy', { connectionId: id, from: `/${bucket}/big/sub1/`, to: `/${bucket}/x/`, operationId: 'move-1' }));
    expect(clash.kind).toBe('invalidInput');
    await moving;
    const events = eventsOf('move-1');
    expect(events.every((e) => e.verb === 'move')).toBe(true);
    expect(events.at(-1)!.done).toBe(keyCount / 3);
    expect(await countUnder(bucket, 'moved/')).toBe(keyCount / 3);
    expect(await countUnder(bucket, 'big/sub0/')).toBe(0);
  }, 180_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3ConnectionDraft } from '../../shared/connections.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startDeniedListBucketsProxy, type DeniedListBucketsProxy } from '../support/deniedListBucketsProxy.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);

describe('an IAM user without s3:ListAllMyBuckets (recorded AWS responses)', () => {
  let h: HeadlessCore;
  let proxy: DeniedListBucketsProxy;
  let call: ReturnType<typeof coreClient>;
  const bucket = uniqueBucketName('denied');

  beforeAll(async () => {
    await createBucketWith(s3, bucket, { 'reports/q1.csv': 'a,b\n', 'readme.txt': 'hello' });
    proxy = await startDeniedListBucketsProxy(env.s3.endpoint);
    h = await startHeadlessCore();
    call = coreClient(h.core);
  });
  afterAll(async () => {
    await h?.dispose();
    await proxy?.close();
    await removeBucket(s3, bucket);
  });

  it('connects, explains the denied bucket list, opens a bucket by name and saves it (recorded AWS responses)', async () => {
    const draft: S3ConnectionDraft = {
      protocol: 's3',
      name: 'Reader behind AWS-like denial',
      endpoint: { kind: 'custom', url: proxy.endpoint },
      region: env.s3.region,
      forcePathStyle: true,
      rememberSecret: true,
      auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey },
    };
    const { id } = await call('connections:save', { draft });
    expect(await call('connections:connect', { id })).toMatchObject({ state: 'connected' });

    const denied = await failureOf(call('fs:list', { connectionId: id, path: '/' }));
    expect(denied.kind).toBe('permission');
    expect(denied.message).toMatch(/may not list buckets/);
    expect(denied.message).toMatch(/s3:ListAllMyBuckets/);
    expect(denied.message).toMatch(/Open a bucket by typing its name/);
    expect(proxy.denied()).toBeGreaterThan(0);
    const listDenied = await failureOf(call('s3:listBuckets', { connectionId: id }));
    expect(listDenied.kind).toBe('permission');

    const opened = await call('s3:openBucket', { connectionId: id, bucket, bookmark: true });
    expect(opened).toMatchObject({ kind: 'bucket', name: bucket, path: `/${bucket}/` });
    const inside = await call('fs:list', { connectionId: id, path: `/${bucket}/` });
    expect(inside.entries.map((e) => e.name).sort()).toEqual(['readme.txt', 'reports']);
    expect((await call('connections:list', {})).find((c) => c.id === id)).toMatchObject({ bookmarkedBuckets: [bucket] });

    // With a saved bucket the root lists it, although listing buckets is still denied.
    const before = proxy.denied();
    const root = await call('fs:list', { connectionId: id, path: '/' });
    expect(root.entries).toEqual([expect.objectContaining({ name: bucket, kind: 'bucket', path: `/${bucket}/` })]);
    expect(proxy.denied()).toBeGreaterThan(before);

    // And after reconnecting too.
    await call('connections:disconnect', { id });
    await call('connections:connect', { id });
    const again = await call('fs:list', { connectionId: id, path: '/' });
    expect(again.entries.map((e) => e.name)).toEqual([bucket]);
  });
});

import { randomBytes } from 'node:crypto';
import { detailText } from '../../shared/transfers.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/createCore.js';
import { coreClient } from '../support/coreClient.js';
import { startRewritingS3Proxy, type RewritingS3Proxy } from '../support/rewritingS3Proxy.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectS3, coreOn } from './transferSupport.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);

describe('conflict checks for a dropped folder, against the real RGW', () => {
  const bucket = uniqueBucketName('xfer-conflist');
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let proxy: RewritingS3Proxy;
  let heads = 0;
  let id = '';

  beforeAll(async () => {
    work = await makeTempDir('xfer-conflict-listing');
    await createBucketWith(s3, bucket, { 'drop/f3.bin': 'older copy 3', 'drop/f7.bin': 'older copy 7' });
    // Every request still reaches RGW; the proxy only counts the HEADs.
    proxy = await startRewritingS3Proxy(env.s3.endpoint, (method) => {
      if (method === 'HEAD') heads++;
      return undefined;
    });
    core = await coreOn(join(work.path, 'data'), work.path);
    id = await connectS3(core, env, proxy.endpoint);
    await coreClient(core)('transfers:setSettings', { changes: { conflictPolicy: 'skip' } });
  });
  afterAll(async () => {
    await core.shutdown();
    await proxy.close();
    await removeBucket(s3, bucket);
    await work.remove();
  });

  it('lists the target folder once instead of a HEAD per file, and still finds the files that exist', async () => {
    const folder = join(work.path, 'drop');
    await mkdir(folder);
    for (let i = 0; i < 20; i++) await writeFile(join(folder, `f${i}.bin`), randomBytes(1024));
    heads = 0;
    const started = await coreClient(core)('transfers:upload', { connectionId: id, localPaths: [folder], remoteFolder: `/${bucket}/` });
    await core.transfers.whenIdle();
    const done = core.transfers.list().filter((t) => started.some((s) => s.id === t.id));
    expect(done.every((t) => t.state === 'completed')).toBe(true);
    const skipped = done.filter((t) => /Skipped/.test(detailText(t))).map((t) => t.name).sort();
    expect(skipped).toEqual(['f3.bin', 'f7.bin']);
    // A HEAD for each file that exists (its conflict is checked as before), none for the 18 others.
    expect(heads).toBeLessThanOrEqual(3);
    const kept = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'drop/f3.bin' }));
    expect(await kept.Body!.transformToString()).toBe('older copy 3');
  });

  it('gives up listing a folder with far more keys than the batch, and checks each file itself instead', async () => {
    // 10 files against 1,100 keys: past the batch's limit (4 x 10 + 1,000), so the listing stops at its second page.
    const keys = Array.from({ length: 1100 }, (_, i) => `crowded/k${String(i).padStart(4, '0')}`);
    for (let i = 0; i < keys.length; i += 64) {
      await Promise.all(keys.slice(i, i + 64).map((Key) => s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'x' }))));
    }
    const folder = join(work.path, 'crowded');
    await mkdir(folder);
    for (let i = 0; i < 10; i++) await writeFile(join(folder, `k${String(i * 100).padStart(4, '0')}`), 'new');
    await writeFile(join(folder, 'fresh.txt'), 'new');
    heads = 0;
    const started = await coreClient(core)('transfers:upload', { connectionId: id, localPaths: [folder], remoteFolder: `/${bucket}/` });
    await core.transfers.whenIdle();
    const done = core.transfers.list().filter((t) => started.some((s) => s.id === t.id));
    expect(done.every((t) => t.state === 'completed')).toBe(true);
    expect(done.filter((t) => /Skipped/.test(detailText(t))).length).toBe(10);
    expect(heads).toBeGreaterThanOrEqual(11);
    const fresh = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'crowded/fresh.txt' }));
    expect(await fresh.Body!.transformToString()).toBe('new');
  });
});

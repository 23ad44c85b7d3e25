import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/createCore.js';
import { lightFileFactor } from '../../electron/core/transfers/concurrency.js';
import type { TransferSnapshot } from '../../shared/transfers.js';
import { coreClient } from '../support/coreClient.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectS3, coreOn, MiB } from './transferSupport.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);

/** Runs the uploads and answers the most transfers seen running at once, overall and of the large ones. */
async function peakRunning(core: Core, connectionId: string, paths: string[], bucket: string, largeFrom: number) {
  const running = new Map<string, TransferSnapshot>();
  let peak = 0;
  let peakLarge = 0;
  const off = core.events.subscribe((channel, payload) => {
    if (channel !== 'transfers:changed') return;
    const t = payload as TransferSnapshot;
    if (t.state === 'running') running.set(t.id, t);
    else running.delete(t.id);
    peak = Math.max(peak, running.size);
    peakLarge = Math.max(peakLarge, [...running.values()].filter((r) => (r.size ?? 0) >= largeFrom).length);
  });
  const started = await coreClient(core)('transfers:upload', { connectionId, localPaths: paths, remoteFolder: `/${bucket}/` });
  await core.transfers.whenIdle();
  off();
  const states = core.transfers.list().filter((t) => started.some((s) => s.id === t.id)).map((t) => t.state);
  return { peak, peakLarge, states };
}

describe('how many S3 transfers run at once, against the real RGW', () => {
  const bucket = uniqueBucketName('xfer-conc');
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let id = '';

  beforeAll(async () => {
    work = await makeTempDir('xfer-concurrency');
    await createBucketWith(s3, bucket, {});
    core = await coreOn(join(work.path, 'data'), work.path);
    id = await connectS3(core, env);
    await coreClient(core)('transfers:setSettings', { changes: { conflictPolicy: 'overwrite', filesInParallel: 2, multipartThreshold: 5 * MiB, partSize: 5 * MiB } });
  });
  afterAll(async () => {
    await core.shutdown();
    await removeBucket(s3, bucket);
    await work.remove();
  });

  it('runs small files (one request each) beyond "files in parallel", up to its multiple', async () => {
    const folder = join(work.path, 'small');
    await mkdir(folder);
    for (let i = 0; i < 40; i++) await writeFile(join(folder, `f${i}.bin`), randomBytes(32 * 1024));
    const { peak, states } = await peakRunning(core, id, [folder], bucket, 5 * MiB);
    expect(states.every((s) => s === 'completed')).toBe(true);
    expect(peak).toBeGreaterThan(2);
    expect(peak).toBeLessThanOrEqual(2 * lightFileFactor);
  });

  it('keeps large (multipart) files to "files in parallel", while small ones still pass them', async () => {
    const folder = join(work.path, 'mixed');
    await mkdir(folder);
    for (let i = 0; i < 4; i++) await writeFile(join(folder, `large${i}.bin`), randomBytes(6 * MiB));
    for (let i = 0; i < 12; i++) await writeFile(join(folder, `small${i}.bin`), randomBytes(16 * 1024));
    const { peak, peakLarge, states } = await peakRunning(core, id, [folder], bucket, 5 * MiB);
    expect(states.every((s) => s === 'completed')).toBe(true);
    expect(peakLarge).toBe(2);
    expect(peak).toBeGreaterThan(2);
  });
});

import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/createCore.js';
import type { TransferSnapshot } from '../../shared/transfers.js';
import { coreClient } from '../support/coreClient.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectS3, coreOn, MiB } from './transferSupport.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);

/** Starts transfers and answers the most seen running at once, overall and of those of `largeFrom` bytes or more. */
async function peakRunning(core: Core, start: () => Promise<string[]>, largeFrom = Infinity) {
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
  await start();
  await core.transfers.whenIdle();
  off();
  const states = (ids: string[]) => core.transfers.list().filter((t) => ids.includes(t.id)).map((t) => t.state);
  return { peak, peakLarge, states };
}

/** Uploads local paths into the bucket root; answers the new transfers' ids. */
const uploadInto = (core: Core, connectionId: string, paths: string[], bucket: string) => async () =>
  (await coreClient(core)('transfers:upload', { connectionId, localPaths: paths, remoteFolder: `/${bucket}/` })).map((t) => t.id);

describe('how many S3 transfers run at once, against the real RGW', () => {
  const bucket = uniqueBucketName('xfer-conc');
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let id = '';
  let dataDir = '';

  beforeAll(async () => {
    work = await makeTempDir('xfer-concurrency');
    dataDir = join(work.path, 'data');
    await createBucketWith(s3, bucket, {});
    core = await coreOn(dataDir, work.path);
    id = await connectS3(core, env);
    await coreClient(core)('transfers:setSettings', { changes: { conflictPolicy: 'overwrite', filesInParallel: 2, multipartThreshold: 5 * MiB, partSize: 5 * MiB } });
  });
  afterAll(async () => {
    await core.shutdown();
    await removeBucket(s3, bucket);
    await work.remove();
  });

  it('runs small files (one request each) up to "files in parallel" at once, and no more', async () => {
    const folder = join(work.path, 'small');
    await mkdir(folder);
    for (let i = 0; i < 40; i++) await writeFile(join(folder, `f${i}.bin`), randomBytes(32 * 1024));
    const upload = uploadInto(core, id, [folder], bucket);
    let ids: string[] = [];
    const { peak, states } = await peakRunning(core, async () => (ids = await upload()));
    expect(states(ids).every((s) => s === 'completed')).toBe(true);
    expect(peak).toBe(2);
  });

  it('keeps to the setting after a restart', async () => {
    const folder = join(work.path, 'restart');
    await mkdir(folder);
    for (let i = 0; i < 40; i++) await writeFile(join(folder, `r${i}.bin`), randomBytes(16 * 1024));
    const started = await coreClient(core)('transfers:upload', { connectionId: id, localPaths: [folder], remoteFolder: `/${bucket}/` });
    await coreClient(core)('transfers:pause', { ids: started.map((t) => t.id) });
    await core.shutdown();
    core = await coreOn(dataDir, work.path);
    await coreClient(core)('connections:connect', { id });
    const paused = core.transfers.list().filter((t) => t.state === 'paused').map((t) => t.id);
    expect(paused.length).toBeGreaterThan(20);
    const { peak, states } = await peakRunning(core, () => coreClient(core)('transfers:resume', { ids: paused }).then(() => paused));
    expect(states(paused).every((s) => s === 'completed')).toBe(true);
    expect(peak).toBe(2);
  });

  it('counts large (multipart) and small files alike', async () => {
    const folder = join(work.path, 'mixed');
    await mkdir(folder);
    for (let i = 0; i < 4; i++) await writeFile(join(folder, `large${i}.bin`), randomBytes(6 * MiB));
    for (let i = 0; i < 12; i++) await writeFile(join(folder, `small${i}.bin`), randomBytes(16 * 1024));
    const upload = uploadInto(core, id, [folder], bucket);
    let ids: string[] = [];
    const { peak, peakLarge, states } = await peakRunning(core, async () => (ids = await upload()), 5 * MiB);
    expect(states(ids).every((s) => s === 'completed')).toBe(true);
    expect(peakLarge).toBe(2);
    expect(peak).toBe(2);
  });
});

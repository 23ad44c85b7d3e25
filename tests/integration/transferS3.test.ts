import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile, open } from 'node:fs/promises';
import { join } from 'node:path';
import { AbortMultipartUploadCommand, HeadObjectCommand, ListMultipartUploadsCommand, PutObjectCommand, CreateMultipartUploadCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailText, type TransferConflict, type TransferSnapshot } from '../../shared/transfers.js';
import type { Core } from '../../electron/core/createCore.js';
import { coreClient } from '../support/coreClient.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectS3, coreOn, MiB, sha256File, waitFor } from './transferSupport.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);

async function multipartUploads(bucket: string) {
  return (await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? [];
}

describe('S3 transfer engine, against the real RGW', () => {
  const bucket = uniqueBucketName('xfer');
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let dataDir: string;
  let core: Core;
  let call: ReturnType<typeof coreClient>;
  let id = '';
  let big: string;
  const conflicts: TransferConflict[] = [];

  async function start() {
    core = await coreOn(dataDir, work.path);
    call = coreClient(core);
    core.events.subscribe((channel, payload) => {
      if (channel === 'transfers:conflict') conflicts.push(payload as TransferConflict);
    });
    if (id) {
      // The saved connection survives the restart; connect it again.
      expect((await call('connections:connect', { id })).state).toBe('connected');
    } else id = await connectS3(core, env);
  }

  beforeAll(async () => {
    work = await makeTempDir('xfer-s3');
    dataDir = join(work.path, 'data');
    await createBucketWith(s3, bucket, {});
    big = join(work.path, 'big.bin');
    await writeFile(big, randomBytes(48 * MiB + 5));
    await start();
    await call('transfers:setSettings', { changes: { conflictPolicy: 'ask' } });
  });
  afterAll(async () => {
    await core.shutdown();
    await removeBucket(s3, bucket);
    await work.remove();
  });

  it('uploads in parts with storage class, content type, cache-control and metadata', async () => {
    const [t] = await call('transfers:upload', {
      connectionId: id,
      localPaths: [big],
      remoteFolder: `/${bucket}/opts/`,
      options: { storageClass: 'STANDARD_IA', contentType: 'application/x-test', cacheControl: 'max-age=60', metadata: { owner: 'stowage' } },
    });
    const done = await waitFor(core, t!.id, (x) => x.state === 'completed' || x.state === 'failed');
    expect(done.error).toBeUndefined();
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'opts/big.bin' }));
    expect(head).toMatchObject({ ContentLength: 48 * MiB + 5, ContentType: 'application/x-test', CacheControl: 'max-age=60', StorageClass: 'STANDARD_IA' });
    expect(head.Metadata).toEqual({ owner: 'stowage' });
    expect(head.ETag).toMatch(/-\d+"$/);
    expect(await multipartUploads(bucket)).toEqual([]);
  });

  it('survives a restart mid-upload and resumes sending only the missing parts', async () => {
    await call('transfers:setSettings', { changes: { uploadLimit: 12 * MiB } });
    const [t] = await call('transfers:upload', { connectionId: id, localPaths: [big], remoteFolder: `/${bucket}/resume/` });
    await waitFor(core, t!.id, (x) => x.bytesDone >= 16 * MiB);
    // "Crash": the core stops with the transfer running; the checkpoint is on disk.
    await core.shutdown();
    const saved = JSON.parse(await readFile(join(dataDir, 'transfers.json'), 'utf8'));
    const job = saved.jobs.find((j: { snapshot: { id: string } }) => j.snapshot.id === t!.id);
    expect(job.checkpoint).toMatchObject({ kind: 's3Upload' });
    expect(job.checkpoint.doneParts.length).toBeGreaterThan(0);
    const uploadsBefore = await multipartUploads(bucket);
    expect(uploadsBefore.map((u) => u.UploadId)).toContain(job.checkpoint.uploadId);

    await start();
    await call('transfers:setSettings', { changes: { uploadLimit: 0 } });
    const back = (await call('transfers:list', {})).find((x) => x.id === t!.id)!;
    expect(back.state).toBe('paused');
    const progress: number[] = [];
    core.events.subscribe((channel, payload) => {
      if (channel === 'transfers:progress') for (const p of payload as { id: string; bytesDone: number }[]) if (p.id === t!.id) progress.push(p.bytesDone);
    });
    await call('transfers:resume', { ids: [t!.id] });
    const done = await waitFor(core, t!.id, (x) => x.state === 'completed' || x.state === 'failed');
    expect(done.error).toBeUndefined();
    expect(detailText(done)).toMatch(/Resumed: the server already had [1-9]\d* part/);
    // The first progress after resuming already counts the parts the server had.
    expect(progress[0]).toBeGreaterThanOrEqual(8 * MiB);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'resume/big.bin' }));
    expect(head.ContentLength).toBe(48 * MiB + 5);
    const into = join(work.path, 'resume-check');
    await mkdir(into);
    const [d] = await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/resume/big.bin`], localFolder: into });
    await waitFor(core, d!.id, (x) => x.state === 'completed');
    expect(await sha256File(join(into, 'big.bin'))).toBe(await sha256File(big));
    expect(await multipartUploads(bucket)).toEqual([]);
  });

  it('cancel aborts the multipart upload on the server: nothing is left to bill', async () => {
    await call('transfers:setSettings', { changes: { uploadLimit: 12 * MiB } });
    const [t] = await call('transfers:upload', { connectionId: id, localPaths: [big], remoteFolder: `/${bucket}/cancel/` });
    await waitFor(core, t!.id, (x) => x.bytesDone >= 8 * MiB);
    expect((await multipartUploads(bucket)).filter((u) => u.Key === 'cancel/big.bin').length).toBe(1);
    await call('transfers:cancel', { ids: [t!.id] });
    await call('transfers:setSettings', { changes: { uploadLimit: 0 } });
    expect((await call('transfers:list', {})).find((x) => x.id === t!.id)!.state).toBe('cancelled');
    expect(await multipartUploads(bucket)).toEqual([]);
  });

  it('counts only the time a transfer runs: a pause is left out', async () => {
    const file = join(work.path, 'timed.bin');
    await writeFile(file, randomBytes(4 * MiB));
    await call('transfers:setSettings', { changes: { uploadLimit: 4 * MiB } });
    try {
      const began = Date.now();
      const [t] = await call('transfers:upload', { connectionId: id, localPaths: [file], remoteFolder: `/${bucket}/timed/` });
      await waitFor(core, t!.id, (x) => x.state === 'running');
      const runningSeen = Date.now();
      await new Promise((r) => setTimeout(r, 200));
      const pausing = Date.now();
      await call('transfers:pause', { ids: [t!.id] });
      const paused = Date.now();
      await new Promise((r) => setTimeout(r, 1000));
      const resuming = Date.now();
      await call('transfers:resume', { ids: [t!.id] });
      const resumed = Date.now();
      const done = await waitFor(core, t!.id, (x) => x.state === 'completed' || x.state === 'failed');
      expect(done.state).toBe('completed');
      // Both runs count (4 MiB at 4 MiB/s: about a second of waiting for the limit after the resume), the pause does not.
      expect(done.activeMs!).toBeGreaterThanOrEqual(pausing - runningSeen + (done.finishedAt! - resumed));
      expect(done.activeMs!).toBeLessThanOrEqual(Date.now() - began - (resuming - paused));
    } finally {
      await call('transfers:setSettings', { changes: { uploadLimit: 0 } });
    }
  });

  it('starts over when the kept multipart upload was aborted on the server meanwhile', async () => {
    await call('transfers:setSettings', { changes: { uploadLimit: 12 * MiB } });
    const [t] = await call('transfers:upload', { connectionId: id, localPaths: [big], remoteFolder: `/${bucket}/gone/` });
    await waitFor(core, t!.id, (x) => x.bytesDone >= 8 * MiB);
    await call('transfers:pause', { ids: [t!.id] });
    await call('transfers:setSettings', { changes: { uploadLimit: 0 } });
    // Someone (a lifecycle rule, another tool) aborts the upload the checkpoint names.
    for (const u of await multipartUploads(bucket)) await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key!, UploadId: u.UploadId! }));
    await call('transfers:resume', { ids: [t!.id] });
    const done = await waitFor(core, t!.id, (x) => x.state === 'completed' || x.state === 'failed');
    expect(done.error).toBeUndefined();
    expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'gone/big.bin' }))).ContentLength).toBe(48 * MiB + 5);
    expect(await multipartUploads(bucket)).toEqual([]);
  });

  it('downloads in ranges, pauses, and resumes from what the .part holds', async () => {
    const into = join(work.path, 'ranged');
    await mkdir(into);
    await call('transfers:setSettings', { changes: { downloadLimit: 16 * MiB } });
    const [t] = await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/opts/big.bin`], localFolder: into });
    await waitFor(core, t!.id, (x) => x.bytesDone >= 16 * MiB);
    await call('transfers:pause', { ids: [t!.id] });
    expect(await readdir(into)).toEqual(['big.bin.part']);
    await call('transfers:setSettings', { changes: { downloadLimit: 0 } });
    await call('transfers:resume', { ids: [t!.id] });
    const done = await waitFor(core, t!.id, (x) => x.state === 'completed' || x.state === 'failed');
    expect(done.error).toBeUndefined();
    expect(detailText(done)).toMatch(/Resumed: \d+ bytes were already downloaded/);
    expect(await readdir(into)).toEqual(['big.bin']);
    expect(await sha256File(join(into, 'big.bin'))).toBe(await sha256File(big));
  });

  it('finds a piece of the .part that changed while paused, fetches only that piece again, and delivers the right file', async () => {
    const body = randomBytes(24 * MiB);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'single/one.bin', Body: body }));
    const into = join(work.path, 'corrupt');
    await mkdir(into);
    // One range at a time, so the first 8 MiB piece is whole (and hashed) when the pause comes.
    await call('transfers:setSettings', { changes: { downloadLimit: 8 * MiB, partsInFlight: 1 } });
    const [t] = await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/single/one.bin`], localFolder: into });
    await waitFor(core, t!.id, (x) => x.bytesDone >= 9 * MiB);
    await call('transfers:pause', { ids: [t!.id] });
    await call('transfers:setSettings', { changes: { downloadLimit: 0, partsInFlight: 6 } });
    const part = await open(join(into, 'one.bin.part'), 'r+');
    await part.write(Buffer.from('garbage'), 0, 7, 100);
    await part.close();
    const details: string[] = [];
    core.events.subscribe((channel, payload) => {
      const changed = payload as Pick<TransferSnapshot, 'id' | 'detail'>;
      if (channel === 'transfers:changed' && changed.id === t!.id && changed.detail) details.push(detailText(changed));
    });
    await call('transfers:resume', { ids: [t!.id] });
    const done = await waitFor(core, t!.id, (x) => x.state === 'completed' || x.state === 'failed');
    expect(done.error).toBeUndefined();
    expect(details.join('\n')).toMatch(/Bytes 0-8388607 of single\/one.bin changed on disk after it was downloaded, so it is fetched again/);
    expect(detailText(done)).toMatch(/Completed after 1 automatic retry/);
    expect(createHash('sha256').update(await readFile(join(into, 'one.bin'))).digest('hex')).toBe(createHash('sha256').update(body).digest('hex'));
  });

  it('uploads a folder tree and downloads the prefix back as a tree', async () => {
    const root = join(work.path, 'tree');
    await mkdir(join(root, 'a', 'b'), { recursive: true });
    await writeFile(join(root, 'top.txt'), 'top');
    await writeFile(join(root, 'a', 'mid.txt'), 'mid');
    await writeFile(join(root, 'a', 'b', 'deep.txt'), 'deep');
    const started = await call('transfers:upload', { connectionId: id, localPaths: [root], remoteFolder: `/${bucket}/` });
    expect(started.map((x) => x.remotePath).sort()).toEqual([`/${bucket}/tree/a/b/deep.txt`, `/${bucket}/tree/a/mid.txt`, `/${bucket}/tree/top.txt`]);
    await core.transfers.whenIdle();
    const into = join(work.path, 'tree-back');
    await mkdir(into);
    await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/tree/`], localFolder: into });
    await core.transfers.whenIdle();
    expect(await readFile(join(into, 'tree', 'a', 'b', 'deep.txt'), 'utf8')).toBe('deep');
    expect(await readFile(join(into, 'tree', 'top.txt'), 'utf8')).toBe('top');
  });

  it('neutralises hostile keys: nothing lands outside the download folder', async () => {
    const keys = ['evil/../../../x1.txt', 'evil//abs.txt', 'evil/back\\slash.txt', 'evil/C:drive.txt', 'evil/ctl\u0001\u001f.txt', 'evil/..', 'evil/./dot.txt'];
    for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Key }));
    const outer = join(work.path, 'hostile');
    const into = join(outer, 'inside');
    await mkdir(into, { recursive: true });
    await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/evil/`], localFolder: into });
    await core.transfers.whenIdle();
    const outside = (await readdir(outer)).filter((n) => n !== 'inside');
    expect(outside).toEqual([]);
    const inside = (await readdir(into, { recursive: true })).map(String);
    expect(inside.length).toBeGreaterThanOrEqual(5);
    for (const name of inside) expect(name).not.toMatch(/[\u0000-\u001f\\:]|(^|\/)\.\.(\/|$)/);
    expect(work.path.length).toBeGreaterThan(1);
    expect((await readdir(work.path)).some((n) => n.startsWith('x1'))).toBe(false);
  });

  it('asks about an existing target and applies skip, rename, overwrite and "apply to all"', async () => {
    const folder = join(work.path, 'conflict');
    await mkdir(folder);
    for (const n of ['c1.txt', 'c2.txt', 'c3.txt']) await writeFile(join(folder, n), `new ${n}`);
    await createObjects({ 'conf/c1.txt': 'old 1', 'conf/c2.txt': 'old 2', 'conf/c3.txt': 'old 3' });
    conflicts.length = 0;
    const started = await call('transfers:upload', { connectionId: id, localPaths: ['c1.txt', 'c2.txt', 'c3.txt'].map((n) => join(folder, n)), remoteFolder: `/${bucket}/conf/` });
    const byName = Object.fromEntries(started.map((x) => [x.name, x.id]));
    for (const n of ['c1.txt', 'c2.txt', 'c3.txt']) await waitFor(core, byName[n]!, (x) => x.state === 'waiting');
    expect(conflicts.map((c) => c.name).sort()).toEqual(['c1.txt', 'c2.txt', 'c3.txt']);
    expect(conflicts[0]).toMatchObject({ direction: 'upload', target: { size: 5 }, source: { size: 10 } });
    await call('transfers:resolveConflict', { id: byName['c1.txt']!, choice: 'skip', applyToAll: false });
    await call('transfers:resolveConflict', { id: byName['c2.txt']!, choice: 'rename', applyToAll: false });
    await waitFor(core, byName['c2.txt']!, (x) => x.state === 'completed');
    await call('transfers:resolveConflict', { id: byName['c3.txt']!, choice: 'overwrite', applyToAll: true });
    await core.transfers.whenIdle();
    const text = async (key: string) => (await s3.send(new (await import('@aws-sdk/client-s3')).GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();
    expect(await text('conf/c1.txt')).toBe('old 1');
    expect(await text('conf/c2.txt')).toBe('old 2');
    expect(await text('conf/c2 (1).txt')).toBe('new c2.txt');
    expect(await text('conf/c3.txt')).toBe('new c3.txt');
    // "Apply to all" holds for later uploads in the same direction: no more questions.
    conflicts.length = 0;
    const [again] = await call('transfers:upload', { connectionId: id, localPaths: [join(folder, 'c1.txt')], remoteFolder: `/${bucket}/conf/` });
    await waitFor(core, again!.id, (x) => x.state === 'completed');
    expect(conflicts).toEqual([]);
    expect(await text('conf/c1.txt')).toBe('new c1.txt');
  });

  it('newer-only skips a download whose local copy is newer; resume continues a partial local file', async () => {
    const body = randomBytes(3 * MiB);
    await createObjects({ 'newer/n.bin': body });
    const into = join(work.path, 'newer');
    await mkdir(into);
    await writeFile(join(into, 'n.bin'), 'local and newer');
    await call('transfers:setSettings', { changes: { conflictPolicy: 'newer' } });
    const [t] = await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/newer/n.bin`], localFolder: into });
    const skipped = await waitFor(core, t!.id, (x) => x.state === 'completed' || x.state === 'failed');
    expect(detailText(skipped)).toMatch(/Skipped/);
    expect(await readFile(join(into, 'n.bin'), 'utf8')).toBe('local and newer');

    await writeFile(join(into, 'n.bin'), body.subarray(0, MiB));
    await call('transfers:setSettings', { changes: { conflictPolicy: 'resume' } });
    const [r] = await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/newer/n.bin`], localFolder: into });
    const resumed = await waitFor(core, r!.id, (x) => x.state === 'completed' || x.state === 'failed');
    expect(resumed.error).toBeUndefined();
    expect(detailText(resumed)).toMatch(/Resumed/);
    expect(Buffer.compare(await readFile(join(into, 'n.bin')), body)).toBe(0);
    await call('transfers:setSettings', { changes: { conflictPolicy: 'ask' } });
  });

  it('lists incomplete multipart uploads in a bucket and aborts them', async () => {
    const made = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'orphan.bin' }));
    const listed = await call('transfers:listIncompleteUploads', { connectionId: id, bucket });
    expect(listed).toContainEqual(expect.objectContaining({ key: 'orphan.bin', uploadId: made.UploadId }));
    const aborted = await call('transfers:abortIncompleteUploads', { connectionId: id, bucket, uploads: listed.map(({ key, uploadId }) => ({ key, uploadId })) });
    expect(aborted).toBe(listed.length);
    expect(await multipartUploads(bucket)).toEqual([]);
  });

  it('limits bandwidth across the queue', async () => {
    const file = join(work.path, 'limited.bin');
    await writeFile(file, randomBytes(6 * MiB));
    await call('transfers:setSettings', { changes: { uploadLimit: 2 * MiB, conflictPolicy: 'overwrite' } });
    const began = Date.now();
    const [a, b] = await call('transfers:upload', { connectionId: id, localPaths: [file, big.replace('big.bin', 'limited.bin')], remoteFolder: `/${bucket}/limit/` });
    await core.transfers.whenIdle();
    const seconds = (Date.now() - began) / 1000;
    await call('transfers:setSettings', { changes: { uploadLimit: 0, conflictPolicy: 'ask' } });
    expect([a, b].length).toBe(2);
    // 6 MiB at 2 MiB/s (the second upload is the same file, overwritten): 12 MiB ≥ ~5.5 s.
    expect(seconds).toBeGreaterThan(5);
    expect(seconds).toBeLessThan(12);
  });

  it('stops a download cleanly on a full disk, keeps the .part and says so', async () => {
    const { execFileSync } = await import('node:child_process');
    const mount = join(work.path, 'tiny');
    await mkdir(mount);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mount]);
    try {
      await call('transfers:setSettings', { changes: { retries: 0 } });
      const [t] = await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/newer/n.bin`], localFolder: mount });
      const failed = await waitFor(core, t!.id, (x) => x.state === 'completed' || x.state === 'failed');
      expect(failed.state).toBe('failed');
      expect(failed.error?.message).toMatch(/local disk is full.*n\.bin\.part/);
      expect(await readdir(mount)).toEqual(['n.bin.part']);
      expect((await stat(join(mount, 'n.bin.part'))).size).toBeGreaterThan(0);
    } finally {
      await call('transfers:setSettings', { changes: { retries: 6 } });
      execFileSync('umount', ['-l', mount]);
    }
  });

  async function createObjects(objects: Record<string, string | Buffer>) {
    for (const [Key, Body] of Object.entries(objects)) await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body }));
  }
});

import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand, HeadObjectCommand, PutBucketVersioningCommand, PutObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSyncExcludes, type SyncPairDraft, type SyncPlan } from '../../shared/contract/sync.js';
import { detailText } from '../../shared/transfers.js';
import type { Core } from '../../electron/core/createCore.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startCountingS3Relay, type CountingS3Relay } from '../support/countingS3Relay.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { localDigest, s3Digest, sortedDigest } from '../support/syncTrees.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectS3, coreOn, waitFor } from './transferSupport.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);

/** What each relative path is planned to get, as "kind/reason". */
const byPath = (plan: SyncPlan) => Object.fromEntries(plan.actions.map((a) => [a.relativePath, `${a.kind}/${a.reason}`]));

describe('folder sync between a local folder and S3, against the real RGW', () => {
  const bucket = uniqueBucketName('sync');
  const versioned = uniqueBucketName('syncv');
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let call: ReturnType<typeof coreClient>;
  let relay: CountingS3Relay;
  let id = '';
  let local: string;
  let dataDir: string;

  const pair = (over: Partial<SyncPairDraft> = {}): SyncPairDraft => ({
    name: 'photos',
    localPath: local,
    connectionId: id,
    remotePath: `/${bucket}/backup/`,
    direction: 'upload',
    deleteExtras: false,
    excludes: [...defaultSyncExcludes, '*.tmp'],
    ...over,
  });

  /** Runs the plan and waits until every queued transfer completed. */
  async function run(plan: SyncPlan, options: { skip?: number[]; confirmDeletes?: number } = {}) {
    const result = await call('sync:run', { planId: plan.planId, skip: options.skip ?? [], confirmDeletes: options.confirmDeletes });
    for (const t of result.transferIds) await waitFor(core, t, (s) => s.state === 'completed' || s.state === 'failed');
    for (const t of result.transferIds) expect(core.transfers.get(t).state).toBe('completed');
    return result;
  }

  const remoteTree = async (prefix = 'backup/') => sortedDigest(await s3Digest(s3, bucket, prefix));
  const localTree = async (root = local) => sortedDigest(await localDigest(root, (rel) => /(^|\/)(\.git|node_modules)\/|\.DS_Store$|\.tmp$/.test(rel)));

  beforeAll(async () => {
    work = await makeTempDir('sync-s3');
    dataDir = join(work.path, 'data');
    local = join(work.path, 'photos');
    await mkdir(join(local, 'trips', 'rome'), { recursive: true });
    await mkdir(join(local, '.git'), { recursive: true });
    await mkdir(join(local, 'node_modules', 'x'), { recursive: true });
    await writeFile(join(local, 'a.txt'), 'alpha');
    await writeFile(join(local, 'trips', 'b.txt'), 'bravo bravo');
    await writeFile(join(local, 'trips', 'rome', 'c.jpg'), Buffer.alloc(70_000, 7));
    await writeFile(join(local, 'trips', 'notes.tmp'), 'scratch');
    await writeFile(join(local, '.git', 'HEAD'), 'ref');
    await writeFile(join(local, 'node_modules', 'x', 'index.js'), 'x');
    await writeFile(join(local, 'trips', '.DS_Store'), 'junk');
    await createBucketWith(s3, bucket, {});
    await createBucketWith(s3, versioned, { 'v/only-remote.txt': 'old' });
    await s3.send(new PutBucketVersioningCommand({ Bucket: versioned, VersioningConfiguration: { Status: 'Enabled' } }));
    relay = await startCountingS3Relay(env.s3.endpoint);
    core = await coreOn(dataDir, work.path);
    call = coreClient(core);
    id = await connectS3(core, env, relay.endpoint);
  });
  afterAll(async () => {
    await core.shutdown();
    await relay.close();
    await removeBucket(s3, bucket);
    await removeBucket(s3, versioned);
    await work.remove();
  });

  it('plans an upload into an empty prefix, leaving out the excluded files, then makes the prefix equal the folder', async () => {
    const plan = await call('sync:plan', { pair: pair() });
    expect(byPath(plan)).toEqual({ 'a.txt': 'upload/new', 'trips/b.txt': 'upload/new', 'trips/rome/c.jpg': 'upload/new' });
    expect(plan.totals.files.upload).toBe(3);
    expect(plan.totals.bytes.upload).toBe(5 + 11 + 70_000);
    await run(plan);
    expect(await remoteTree()).toEqual(await localTree());
  });

  it('stores the local modification time as x-amz-meta-mtime in rclone format', async () => {
    const info = await stat(join(local, 'trips', 'b.txt'), { bigint: true });
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'backup/trips/b.txt' }));
    const expected = `${info.mtimeNs / 1_000_000_000n}.${(info.mtimeNs % 1_000_000_000n).toString().padStart(9, '0')}`;
    expect(head.Metadata?.['mtime']).toBe(expected);
    expect(head.Metadata?.['mtime']).toMatch(/^\d{10}\.\d{9}$/);
  });

  it('a run with nothing changed plans only skips and sends only listing requests', async () => {
    const before = relay.requests.length;
    const plan = await call('sync:plan', { pair: pair() });
    const sent = relay.requests.slice(before);
    expect(Object.values(byPath(plan))).toEqual(['skip/notOlder', 'skip/notOlder', 'skip/notOlder']);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => r.method === 'GET' && r.query.get('list-type') === '2' && r.path.replace(/\/$/, '') === `/${bucket}`)).toBe(true);
    expect(plan.requests).toBe(sent.length);
  });

  it('finds changed, touched and new files; mirror deletes run only after the count is confirmed', async () => {
    await writeFile(join(local, 'a.txt'), 'alpha, longer now');
    const future = new Date(Date.now() + 120_000);
    await utimes(join(local, 'trips', 'b.txt'), future, future); // same size, changed after the upload
    await writeFile(join(local, 'trips', 'new.txt'), 'new one');
    await rm(join(local, 'trips', 'rome', 'c.jpg'));
    const plan = await call('sync:plan', { pair: pair({ deleteExtras: true }) });
    expect(byPath(plan)).toEqual({
      'a.txt': 'overwrite/sizeDiffers',
      'trips/b.txt': 'overwrite/sourceNewer',
      'trips/new.txt': 'upload/new',
      'trips/rome/c.jpg': 'delete/notInSource',
    });
    expect(plan.deletesBecomeMarkers).toBe(false);
    const refused = await failureOf(call('sync:run', { planId: plan.planId, skip: [] }));
    expect(refused.kind).toBe('invalidInput');
    expect(refused.message).toBe('This sync deletes 1 file: confirm that before it runs.');
    const wrongCount = await failureOf(call('sync:run', { planId: plan.planId, skip: [], confirmDeletes: 2 }));
    expect(wrongCount.kind).toBe('invalidInput');
    expect((await s3Digest(s3, bucket, 'backup/')).has('trips/rome/c.jpg')).toBe(true); // nothing changed yet
    const result = await run(plan, { confirmDeletes: 1 });
    expect(result.deleted).toBe(1);
    expect(result.summary).toMatchObject({ uploaded: 3, deleted: 1 });
    expect(await remoteTree()).toEqual(await localTree());
    const past = new Date('2024-01-01T00:00:00Z'); // from now on older than its upload again
    await utimes(join(local, 'trips', 'b.txt'), past, past);
  });

  it('leaves unticked actions alone', async () => {
    await writeFile(join(local, 'one.txt'), '1');
    await writeFile(join(local, 'two.txt'), '22');
    const plan = await call('sync:plan', { pair: pair() });
    const two = plan.actions.find((a) => a.relativePath === 'two.txt')!;
    expect(two.kind).toBe('upload');
    const result = await run(plan, { skip: [two.id] });
    expect(result.transferIds).toHaveLength(1);
    const remote = await s3Digest(s3, bucket, 'backup/');
    expect(remote.has('one.txt')).toBe(true);
    expect(remote.has('two.txt')).toBe(false);
    await expect(call('sync:run', { planId: plan.planId, skip: [] })).rejects.toThrow('This preview is out of date');
  });

  it('downloads into an empty folder, then finds nothing to do', async () => {
    const target = join(work.path, 'restore');
    await mkdir(target);
    const down = pair({ localPath: target, direction: 'download' });
    const plan = await call('sync:plan', { pair: down });
    expect(new Set(Object.values(byPath(plan)))).toEqual(new Set(['download/new']));
    await run(plan);
    expect(await localTree(target)).toEqual(await remoteTree());
    const again = await call('sync:plan', { pair: down });
    expect(new Set(again.actions.map((a) => a.kind))).toEqual(new Set(['skip']));
  });

  it('downloads take the names the disk can hold, as the queue’s own downloads do: a name too long is cut, with a note', async () => {
    const long = `${'n'.repeat(300)}.txt`;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `long/${long}`, Body: 'long name' }));
    const target = join(work.path, 'long-names');
    await mkdir(target);
    const plan = await call('sync:plan', { pair: pair({ localPath: target, remotePath: `/${bucket}/long/`, direction: 'download' }) });
    const result = await run(plan);
    const [only] = await readdir(target);
    expect(Buffer.byteLength(only!)).toBeLessThanOrEqual(255);
    expect(only!.endsWith('.txt')).toBe(true);
    expect(await readFile(join(target, only!), 'utf8')).toBe('long name');
    expect(detailText(core.transfers.get(result.transferIds[0]!))).toMatch(/too long/i);
  });

  it('reads rclone’s x-amz-meta-mtime: a same-size object uploaded from this very file is not downloaded again', async () => {
    const target = join(work.path, 'rclone');
    await mkdir(target);
    const old = new Date('2024-03-01T10:00:00.250Z');
    for (const name of ['same.txt', 'edited.txt', 'plain.txt']) {
      await writeFile(join(target, name), 'twelve bytes');
      await utimes(join(target, name), old, old);
    }
    const seconds = (ms: number) => `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}000000`;
    const put = (key: string, mtime?: string) =>
      s3.send(new PutObjectCommand({ Bucket: bucket, Key: `rc/${key}`, Body: 'twelve bytes', Metadata: mtime ? { mtime } : undefined }));
    await put('same.txt', seconds(old.getTime()));
    await put('edited.txt', seconds(old.getTime() + 5000));
    await put('plain.txt');
    const plan = await call('sync:plan', { pair: pair({ localPath: target, remotePath: `/${bucket}/rc/`, direction: 'download' }) });
    expect(byPath(plan)).toEqual({ 'same.txt': 'skip/sameMtime', 'edited.txt': 'overwrite/mtimeDiffers', 'plain.txt': 'overwrite/sourceNewer' });
  });

  it('checksum mode finds a change that keeps size and time, against single-part and multipart ETags, and skips equal files', async () => {
    const folder = join(work.path, 'sums');
    await mkdir(folder, { recursive: true });
    const same = randomBytes(300_000);
    const big = randomBytes(11 * 1024 * 1024 + 5);
    await writeFile(join(folder, 'same.bin'), same);
    await writeFile(join(folder, 'edited.bin'), Buffer.alloc(1000, 1));
    await writeFile(join(folder, 'big.bin'), big);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'sums/same.bin', Body: same }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'sums/edited.bin', Body: Buffer.alloc(1000, 2) }));
    // A multipart object of 5 MiB parts, as another tool would have written it.
    const parts = [big.subarray(0, 5 * 1024 * 1024), big.subarray(5 * 1024 * 1024, 10 * 1024 * 1024), big.subarray(10 * 1024 * 1024)];
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'sums/big.bin' }));
    const etags = [];
    for (const [i, Body] of parts.entries()) etags.push((await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'sums/big.bin', UploadId, PartNumber: i + 1, Body }))).ETag);
    await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: 'sums/big.bin', UploadId, MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) } }));
    // Every local file older than its object: by time alone, nothing would move.
    const past = new Date(Date.now() - 3_600_000);
    for (const name of ['same.bin', 'edited.bin', 'big.bin']) await utimes(join(folder, name), past, past);
    const sums = pair({ localPath: folder, remotePath: `/${bucket}/sums/` });
    expect(byPath(await call('sync:plan', { pair: sums }))).toEqual({ 'big.bin': 'skip/notOlder', 'edited.bin': 'skip/notOlder', 'same.bin': 'skip/notOlder' });
    const progress: number[] = [];
    const stop = core.events.subscribe((channel, payload) => {
      if (channel === 'sync:checksumProgress') progress.push((payload as { done: number }).done);
    });
    const plan = await call('sync:plan', { pair: { ...sums, compare: 'checksum' } });
    stop();
    expect(byPath(plan)).toEqual({ 'big.bin': 'skip/sameChecksum', 'edited.bin': 'overwrite/checksumDiffers', 'same.bin': 'skip/sameChecksum' });
    expect(progress.at(-1)).toBe(same.length + 1000 + big.length);
    await run(plan);
    expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'sums/edited.bin' }))).ETag).toBe(`"${createHash('md5').update(Buffer.alloc(1000, 1)).digest('hex')}"`);
  });

  it('says that deletes in a versioned bucket become delete markers', async () => {
    const empty = join(work.path, 'empty');
    await mkdir(empty);
    const plan = await call('sync:plan', { pair: pair({ localPath: empty, remotePath: `/${versioned}/v/`, deleteExtras: true }) });
    expect(byPath(plan)).toEqual({ 'only-remote.txt': 'delete/notInSource' });
    expect(plan.deletesBecomeMarkers).toBe(true);
  });

  it('saves pairs with their last run, and keeps them across a restart', async () => {
    const saved = await call('sync:savePair', { draft: pair() });
    await writeFile(join(local, 'three.txt'), '333');
    const { id: pairId, lastRun: _none, ...draft } = saved;
    const plan = await call('sync:plan', { pair: draft, pairId });
    await run(plan);
    const [listed] = (await call('sync:listPairs', {})).filter((p) => p.id === saved.id);
    expect(listed?.lastRun).toMatchObject({ uploaded: 2 }); // three.txt and the unticked two.txt
    await core.shutdown();
    core = await coreOn(dataDir, work.path);
    call = coreClient(core);
    expect((await call('connections:connect', { id })).state).toBe('connected');
    const after = await call('sync:listPairs', {});
    expect(after.map((p) => [p.name, p.remotePath, p.lastRun?.uploaded])).toEqual([['photos', `/${bucket}/backup/`, 2]]);
    await call('sync:deletePair', { id: saved.id });
    expect(await call('sync:listPairs', {})).toEqual([]);
  });
});

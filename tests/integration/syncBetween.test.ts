import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncPairDraft, SyncPlan } from '../../shared/contract/sync.js';
import type { Core } from '../../electron/core/createCore.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { localDigest, s3Digest, sortedDigest } from '../support/syncTrees.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectS3, connectSftp, coreOn, waitFor } from './transferSupport.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
const byPath = (plan: SyncPlan) => Object.fromEntries(plan.actions.map((a) => [a.relativePath, `${a.kind}/${a.reason}`]));

describe('folder sync between two connections (S3 <-> SFTP, S3 <-> S3) through copy jobs, against the real servers', () => {
  const bucket = uniqueBucketName('syncb');
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let call: ReturnType<typeof coreClient>;
  let s3Id = '';
  let sftpId = '';
  let sftpFolder = '';

  async function run(plan: SyncPlan, confirmDeletes?: number) {
    const result = await call('sync:run', { planId: plan.planId, skip: [], confirmDeletes });
    for (const t of result.transferIds) await waitFor(core, t, (s) => s.state === 'completed' || s.state === 'failed');
    for (const t of result.transferIds) expect(core.transfers.get(t), JSON.stringify(core.transfers.get(t).error)).toMatchObject({ state: 'completed', direction: 'copy' });
    return result;
  }

  beforeAll(async () => {
    work = await makeTempDir('sync-between');
    await createBucketWith(s3, bucket, { 'from/a.txt': 'alpha', 'from/deep/b.txt': 'bravo bravo', 'from/deep/er/c.txt': 'charlie' });
    core = await coreOn(join(work.path, 'data'), work.path);
    call = coreClient(core);
    s3Id = await connectS3(core, env);
    sftpId = await connectSftp(core, env);
    sftpFolder = `${env.sftp.home}/syncb-${process.pid}-${Date.now().toString(36)}`;
  });
  afterAll(async () => {
    await core.shutdown();
    await rm(sftpFolder, { recursive: true, force: true });
    await removeBucket(s3, bucket);
    await work.remove();
  });

  // The SFTP folder is the pair's remote folder, the S3 prefix the peer in place of a local folder.
  const pair = (over: Partial<SyncPairDraft> = {}): SyncPairDraft => ({
    name: 's3-to-sftp',
    localPath: '',
    peer: { connectionId: s3Id, path: `/${bucket}/from/` },
    connectionId: sftpId,
    remotePath: sftpFolder,
    direction: 'upload',
    deleteExtras: false,
    excludes: [],
    ...over,
  });

  it('copies an S3 prefix into an SFTP folder that does not exist yet, then finds nothing to do', async () => {
    const plan = await call('sync:plan', { pair: pair() });
    expect(byPath(plan)).toEqual({ 'a.txt': 'upload/new', 'deep/b.txt': 'upload/new', 'deep/er/c.txt': 'upload/new' });
    await run(plan);
    // The test sshd serves this machine's disk.
    expect(sortedDigest(await localDigest(sftpFolder))).toEqual(sortedDigest(await s3Digest(s3, bucket, 'from/')));
    const again = await call('sync:plan', { pair: pair() });
    expect(new Set(again.actions.map((a) => `${a.kind}/${a.reason}`))).toEqual(new Set(['skip/notOlder']));
  });

  it('the other way with deletions: makes the S3 prefix like the SFTP folder once the deletion is confirmed', async () => {
    await writeFile(join(sftpFolder, 'new.txt'), 'only on sftp');
    await rm(join(sftpFolder, 'deep', 'er', 'c.txt'));
    const down = pair({ direction: 'download', deleteExtras: true });
    const plan = await call('sync:plan', { pair: down });
    expect(byPath(plan)).toEqual({ 'a.txt': 'skip/notOlder', 'deep/b.txt': 'skip/notOlder', 'deep/er/c.txt': 'delete/notInSource', 'new.txt': 'download/new' });
    expect((await failureOf(call('sync:run', { planId: plan.planId, skip: [] }))).kind).toBe('invalidInput');
    await run(plan, 1);
    expect(sortedDigest(await s3Digest(s3, bucket, 'from/'))).toEqual(sortedDigest(await localDigest(sftpFolder)));
  });

  it('S3 to S3 (a second connection to the store): one prefix made like another, overwriting a file whose size differs', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'to/a.txt', Body: 'stale, and longer' }));
    const other = await connectS3(core, env);
    const s3Pair = pair({ connectionId: other, remotePath: `/${bucket}/to/` });
    const plan = await call('sync:plan', { pair: s3Pair });
    expect(byPath(plan)).toEqual({ 'a.txt': 'overwrite/sizeDiffers', 'deep/b.txt': 'upload/new', 'new.txt': 'upload/new' });
    await run(plan);
    expect(sortedDigest(await s3Digest(s3, bucket, 'to/'))).toEqual(sortedDigest(await s3Digest(s3, bucket, 'from/')));
  });

  it('saves a pair with a peer and reads it back after a restart', async () => {
    const saved = await call('sync:savePair', { draft: pair() });
    await core.shutdown();
    core = await coreOn(join(work.path, 'data'), work.path);
    call = coreClient(core);
    expect((await call('sync:listPairs', {})).find((p) => p.id === saved.id)?.peer).toEqual({ connectionId: s3Id, path: `/${bucket}/from/` });
    expect((await call('connections:connect', { id: s3Id })).state).toBe('connected');
  });

  it('a pair with neither a local folder nor a peer is refused in a sentence', async () => {
    const refused = await failureOf(call('sync:plan', { pair: { ...pair({ connectionId: s3Id, remotePath: `/${bucket}/to/` }), peer: undefined } }));
    expect(refused).toMatchObject({ kind: 'invalidInput', message: expect.stringContaining('The local folder is a whole path') });
  });

  it('a pair of two folders of one connection, one inside the other, is refused in a sentence', async () => {
    const refused = await failureOf(call('sync:plan', { pair: pair({ connectionId: s3Id, remotePath: `/${bucket}/to/`, peer: { connectionId: s3Id, path: `/${bucket}/to/inner` } }) }));
    expect(refused).toMatchObject({ kind: 'invalidInput', message: expect.stringContaining('cannot sync with a folder it holds or that holds it') });
  });
});

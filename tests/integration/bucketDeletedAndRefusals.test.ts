/**
 * Issue 21, against the real RGW: deleted objects of a versioned bucket are listed and
 * restored through the core, and an upload refused for the bucket's "Block public ACLs"
 * switch is explained as that switch, not as the credentials.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, PutBucketVersioningCommand, PutObjectCommand, PutPublicAccessBlockCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockPublicAclsRefusal } from '../../shared/buckets.js';
import { englishMessage } from '../../shared/i18n/englishMessages.js';
import type { Core } from '../../electron/core/createCore.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectS3, coreOn, s3Draft, waitFor } from './transferSupport.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
const text = async (bucket: string, key: string) => (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();

describe('deleted objects and refused uploads, against the real RGW', () => {
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let call: ReturnType<typeof coreClient>;
  let id = '';
  const made: string[] = [];
  const bucketWith = async (prefix: string, objects: Record<string, string> = {}) => {
    const name = uniqueBucketName(prefix);
    made.push(name);
    await createBucketWith(s3, name, objects);
    return name;
  };

  beforeAll(async () => {
    work = await makeTempDir('bucket-deleted');
    core = await coreOn(join(work.path, 'data'), work.path);
    call = coreClient(core);
    id = await connectS3(core, env);
  });
  afterAll(async () => {
    await core.shutdown();
    for (const b of made) await removeBucket(s3, b);
    await work.remove();
  });

  it('lists the deleted objects of one folder level and restores one through stacked delete markers', async () => {
    const bucket = await bucketWith('deleted');
    await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    expect(await call('buckets:versioning', { connectionId: id, bucket })).toBe('Enabled');
    for (const body of ['first', 'second!']) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'docs/report.txt', Body: body }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'docs/alive.txt', Body: 'still here' }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'docs/deep/gone.txt', Body: 'deeper' }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'top.txt', Body: 'top' }));
    // Deleted twice: two delete markers stacked on the newest version.
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'docs/report.txt' }));
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'docs/report.txt' }));
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'docs/deep/gone.txt' }));
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'top.txt' }));
    // Only markers, no version left: nothing to restore, so not listed.
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'docs/never-existed.txt' }));

    const deleted = await call('buckets:listDeleted', { connectionId: id, path: `/${bucket}/docs/` });
    // The folder holding only a deleted object is listed (flagged) so it can still be opened.
    expect(deleted).toEqual([
      { name: 'deep', path: `/${bucket}/docs/deep/`, kind: 'folder', deleted: true },
      expect.objectContaining({ name: 'report.txt', path: `/${bucket}/docs/report.txt`, kind: 'file', size: 7, deleted: true }),
    ]);
    expect((await call('buckets:listDeleted', { connectionId: id, path: `/${bucket}/` })).filter((e) => e.kind === 'file').map((e) => e.name)).toEqual(['top.txt']);
    const live = await call('fs:list', { connectionId: id, path: `/${bucket}/docs/` });
    expect(live.entries.map((e) => e.name).sort()).toEqual(['alive.txt']);

    await call('buckets:undelete', { connectionId: id, path: `/${bucket}/docs/report.txt` });
    expect(await text(bucket, 'docs/report.txt')).toBe('second!');
    expect((await call('buckets:listDeleted', { connectionId: id, path: `/${bucket}/docs/` })).filter((e) => e.kind === 'file')).toEqual([]);
    expect(await failureOf(call('buckets:undelete', { connectionId: id, path: `/${bucket}/docs/report.txt` }))).toMatchObject({ kind: 'conflict' });
    expect(await failureOf(call('buckets:undelete', { connectionId: id, path: `/${bucket}/docs/never-existed.txt` }))).toMatchObject({ kind: 'notFound' });
  });

  it('reads an unversioned bucket as "Never enabled", which has no deleted objects', async () => {
    const bucket = await bucketWith('plain', { 'a.txt': 'a' });
    expect(await call('buckets:versioning', { connectionId: id, bucket })).toBe('Never enabled');
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'a.txt' }));
    expect(await call('buckets:listDeleted', { connectionId: id, path: `/${bucket}/` })).toEqual([]);
  });

  it('names the Block public ACLs switch when RGW refuses an upload, and the upload works once only that switch is off', async () => {
    const bucket = await bucketWith('refused');
    const all = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: all }));
    const local = join(work.path, 'note.txt');
    await writeFile(local, 'hello rgw');

    const [t] = await call('transfers:upload', { connectionId: id, localPaths: [local], remoteFolder: `/${bucket}/` });
    const failed = await waitFor(core, t!.id, (x) => x.state === 'failed' || x.state === 'completed');
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({ kind: 'permission', code: blockPublicAclsRefusal, params: { bucket }, message: englishMessage(blockPublicAclsRefusal, { bucket }) });
    expect(failed.error!.message).toContain('“Block public ACLs” switch is on');
    expect(failed.error!.message).not.toContain('credentials');

    await call('buckets:setPublicAccessBlock', {
      connectionId: id,
      bucket,
      block: { blockPublicAcls: false, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
    });
    await call('transfers:retry', { ids: [t!.id] });
    const done = await waitFor(core, t!.id, (x) => x.state === 'completed' || x.state === 'failed');
    expect(done.error).toBeUndefined();
    expect(await text(bucket, 'note.txt')).toBe('hello rgw');
  });

  it('still blames the credentials when the switch is off and the keys are refused', async () => {
    // The second test user cannot write into the first user's bucket.
    const bucket = await bucketWith('not-mine');
    const local = join(work.path, 'other.txt');
    await writeFile(local, 'x');
    const other = await call('connections:save', {
      draft: { ...s3Draft(env), name: 'second user', auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId2, secretAccessKey: env.s3.secretAccessKey2 } },
    });
    expect((await call('connections:connect', { id: other.id })).state).toBe('connected');
    const [t] = await call('transfers:upload', { connectionId: other.id, localPaths: [local], remoteFolder: `/${bucket}/` });
    const failed = await waitFor(core, t!.id, (x) => x.state === 'failed' || x.state === 'completed');
    expect(failed.error?.kind).toBe('permission');
    expect(failed.error?.message).not.toContain('Block public ACLs');
  });
});

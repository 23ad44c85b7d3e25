import { GetObjectLegalHoldCommand, GetObjectLockConfigurationCommand, PutObjectCommand, PutObjectRetentionCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { removeLockedBucket, rgwDraft, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);


describe('Object Lock through the core, against the real RGW', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let id: string;
  const made: string[] = [];
  const lockedBucket = async (prefix: string) => {
    const bucket = uniqueBucketName(prefix);
    made.push(bucket);
    await call('buckets:create', { connectionId: id, bucket, versioning: true, blockPublicAccess: false, objectLock: true });
    return bucket;
  };

  beforeAll(async () => {
    h = await startHeadlessCore();
    call = coreClient(h.core);
    id = (await call('connections:save', { draft: rgwDraft(env, 'RGW lock') })).id;
    expect(await call('connections:connect', { id })).toMatchObject({ state: 'connected' });
  });
  afterAll(async () => {
    for (const b of made) await removeLockedBucket(s3, b);
    await h.dispose();
  });

  it('creates a bucket with Object Lock, sets its default retention, reads it back and removes it', async () => {
    const bucket = await lockedBucket('lock-default');
    expect((await call('buckets:settings', { connectionId: id, bucket })).objectLock).toEqual({ supported: true, value: { enabled: true } });

    await call('buckets:setDefaultRetention', { connectionId: id, bucket, retention: { mode: 'GOVERNANCE', days: 3 } });
    expect((await call('buckets:settings', { connectionId: id, bucket })).objectLock).toEqual({
      supported: true,
      value: { enabled: true, defaultRetention: { mode: 'GOVERNANCE', days: 3 } },
    });
    const onServer = await s3.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }));
    expect(onServer.ObjectLockConfiguration?.Rule?.DefaultRetention).toMatchObject({ Mode: 'GOVERNANCE', Days: 3 });

    await call('buckets:setDefaultRetention', { connectionId: id, bucket, retention: { mode: 'COMPLIANCE', years: 1 } });
    expect((await call('buckets:settings', { connectionId: id, bucket })).objectLock).toEqual({
      supported: true,
      value: { enabled: true, defaultRetention: { mode: 'COMPLIANCE', years: 1 } },
    });

    await call('buckets:setDefaultRetention', { connectionId: id, bucket, retention: null });
    expect((await call('buckets:settings', { connectionId: id, bucket })).objectLock).toEqual({ supported: true, value: { enabled: true } });
  });

  it('refuses a period in both days and years, and says a bucket without Object Lock cannot get it', async () => {
    const failure = await failureOf(
      call('buckets:setDefaultRetention', { connectionId: id, bucket: 'any-bucket', retention: { mode: 'GOVERNANCE', days: 1, years: 1 } }),
    );
    expect(failure).toMatchObject({ kind: 'invalidInput', message: expect.stringContaining('in days or in years, not both') });

    const plain = uniqueBucketName('lock-none');
    made.push(plain);
    await call('buckets:create', { connectionId: id, bucket: plain, versioning: false, blockPublicAccess: false, objectLock: false });
    expect((await call('buckets:settings', { connectionId: id, bucket: plain })).objectLock).toEqual({ supported: true, value: { enabled: false } });
    await s3.send(new PutObjectCommand({ Bucket: plain, Key: 'a.txt', Body: 'a' }));
    expect(await failureOf(call('buckets:setLegalHold', { connectionId: id, path: `/${plain}/a.txt`, on: true }))).toMatchObject({
      kind: 'invalidInput',
      code: 'coreBuckets:lock.notEnabled',
      message: `The bucket “${plain}” was created without Object Lock, and Object Lock can only be turned on when a bucket is created.`,
    });
    expect((await call('s3:properties', { connectionId: id, path: `/${plain}/a.txt` })).objectLock).toBeUndefined();
  });

  it('puts a legal hold on and off, shows it and the retention in Properties, and explains a refused delete', async () => {
    const bucket = await lockedBucket('lock-hold');
    const path = `/${bucket}/report.pdf`;
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'report.pdf', Body: 'pdf' }));
    const versionId = put.VersionId!;
    expect((await call('s3:properties', { connectionId: id, path })).objectLock).toEqual({ legalHold: false });

    await call('buckets:setLegalHold', { connectionId: id, path, on: true });
    expect((await s3.send(new GetObjectLegalHoldCommand({ Bucket: bucket, Key: 'report.pdf' }))).LegalHold?.Status).toBe('ON');
    expect((await call('s3:properties', { connectionId: id, path })).objectLock).toEqual({ legalHold: true });

    const held = await failureOf(call('buckets:deleteVersion', { connectionId: id, path, versionId }));
    expect(held).toMatchObject({
      kind: 'permission',
      code: 'coreBuckets:lock.deleteRefused.legalHold',
      message: 'Object Lock refused the delete: this version is under a legal hold. Turn the legal hold off first.',
    });

    await call('buckets:setLegalHold', { connectionId: id, path, on: false });
    expect((await s3.send(new GetObjectLegalHoldCommand({ Bucket: bucket, Key: 'report.pdf' }))).LegalHold?.Status).toBe('OFF');

    const until = new Date(Date.now() + 2 * 86_400_000);
    await s3.send(new PutObjectRetentionCommand({ Bucket: bucket, Key: 'report.pdf', Retention: { Mode: 'GOVERNANCE', RetainUntilDate: until } }));
    const props = await call('s3:properties', { connectionId: id, path });
    expect(props.objectLock).toMatchObject({ legalHold: false, retentionMode: 'GOVERNANCE' });
    expect(Math.abs(props.objectLock!.retainUntil! - until.getTime())).toBeLessThan(1000);

    const kept = await failureOf(call('buckets:deleteVersion', { connectionId: id, path, versionId }));
    expect(kept).toMatchObject({ kind: 'permission', code: 'coreBuckets:lock.deleteRefused.governance' });
    expect(kept.message).toMatch(/^Object Lock refused the delete: this version is kept in governance mode until .+\d{4}.+\.$/);
    expect(Math.abs(Number(kept.params?.until) - until.getTime())).toBeLessThan(1000);
    // The version is still there.
    const versions = await call('buckets:listVersions', { connectionId: id, path });
    expect(versions.map((v) => v.versionId)).toContain(versionId);
  });
});

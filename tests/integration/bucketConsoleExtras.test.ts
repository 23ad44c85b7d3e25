import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetBucketPolicyCommand, GetBucketRequestPaymentCommand, HeadObjectCommand, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicReadPolicy } from '../../shared/buckets.js';
import type { S3ConnectionDraft } from '../../shared/connections.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);

const draft: S3ConnectionDraft = {
  protocol: 's3',
  name: 'RGW console extras',
  endpoint: { kind: 'custom', url: env.s3.endpoint },
  region: env.s3.region,
  forcePathStyle: true,
  rememberSecret: true,
  auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey },
};

describe('logging, requester pays, prefix policies and the default upload class against the real RGW', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let id: string;
  const bucket = uniqueBucketName('extras');

  beforeAll(async () => {
    h = await startHeadlessCore();
    call = coreClient(h.core);
    id = (await call('connections:save', { draft: { ...draft, defaultStorageClass: 'STANDARD_IA' } })).id;
    await call('connections:connect', { id });
    await createBucketWith(s3, bucket, { 'site/page.html': '<p>public</p>', 'secret/key.txt': 'private' });
  });
  afterAll(async () => {
    await removeBucket(s3, bucket);
    await h.dispose();
  });

  it('reads logging as off and says the server does not support turning it on (RGW refuses PutBucketLogging)', async () => {
    const settings = await call('buckets:settings', { connectionId: id, bucket });
    expect(settings.logging).toEqual({ supported: true, value: { enabled: false } });
    const failure = await failureOf(
      call('buckets:setLogging', { connectionId: id, bucket, logging: { enabled: true, targetBucket: bucket, targetPrefix: 'logs/' } }),
    );
    expect(failure).toMatchObject({ kind: 'unsupported', message: 'This server does not support server access logging.' });
  });

  it('turns requester pays on and off, read back from the server', async () => {
    expect((await call('buckets:settings', { connectionId: id, bucket })).requesterPays).toEqual({ supported: true, value: false });
    await call('buckets:setRequesterPays', { connectionId: id, bucket, requesterPays: true });
    expect((await s3.send(new GetBucketRequestPaymentCommand({ Bucket: bucket }))).Payer).toBe('Requester');
    expect((await call('buckets:settings', { connectionId: id, bucket })).requesterPays).toEqual({ supported: true, value: true });
    await call('buckets:setRequesterPays', { connectionId: id, bucket, requesterPays: false });
    expect((await s3.send(new GetBucketRequestPaymentCommand({ Bucket: bucket }))).Payer).toBe('BucketOwner');
  });

  it('adds a public-read policy for one prefix, keeping the statements already there', async () => {
    const other = uniqueBucketName('extras-other');
    const existing = JSON.parse(publicReadPolicy(other)) as { Statement: Record<string, unknown>[] };
    const keep = { ...existing.Statement[0], Sid: 'KeepMe', Resource: `arn:aws:s3:::${bucket}/keep/*` };
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [keep] }) }));
    await call('buckets:addPublicReadPolicy', { connectionId: id, bucket, prefix: 'site/' });
    const policy = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy ?? '{}') as { Statement: { Sid?: string; Resource: string }[] };
    expect(policy.Statement.map((s) => [s.Sid, s.Resource])).toEqual([
      ['KeepMe', `arn:aws:s3:::${bucket}/keep/*`],
      ['PublicRead-site', `arn:aws:s3:::${bucket}/site/*`],
    ]);
    const inside = await fetch(`${env.s3.endpoint}/${bucket}/site/page.html`);
    expect([inside.status, await inside.text()]).toEqual([200, '<p>public</p>']);
    expect((await fetch(`${env.s3.endpoint}/${bucket}/secret/key.txt`)).status).toBe(403);
    // Applying it twice replaces the statement rather than piling up copies.
    await call('buckets:addPublicReadPolicy', { connectionId: id, bucket, prefix: 'site/' });
    const again = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy ?? '{}') as { Statement: unknown[] };
    expect(again.Statement).toHaveLength(2);
  });

  it('refuses a public-read prefix longer than S3 keys allow', async () => {
    const failure = await failureOf(call('buckets:addPublicReadPolicy', { connectionId: id, bucket: 'x', prefix: 'a'.repeat(1025) }));
    expect(failure?.kind).toBe('invalidInput');
  });

  it('uploads with the connection default storage class (STANDARD_IA) when the upload names none, and the named class otherwise', async () => {
    const work = await makeTempDir('extras-default-class');
    try {
      await writeFile(join(work.path, 'a.txt'), 'default class');
      await writeFile(join(work.path, 'b.txt'), 'named class');
      await call('transfers:upload', { connectionId: id, localPaths: [join(work.path, 'a.txt')], remoteFolder: `/${bucket}/up/` });
      await call('transfers:upload', { connectionId: id, localPaths: [join(work.path, 'b.txt')], remoteFolder: `/${bucket}/up/`, options: { storageClass: 'STANDARD' } });
      await h.core.transfers.whenIdle();
      expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'up/a.txt' }))).StorageClass).toBe('STANDARD_IA');
      expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'up/b.txt' }))).StorageClass ?? 'STANDARD').toBe('STANDARD');
    } finally {
      await work.remove();
    }
  });
});

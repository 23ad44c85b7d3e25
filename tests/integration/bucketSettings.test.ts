import {
  DeleteObjectCommand,
  GetBucketVersioningCommand,
  PutBucketVersioningCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  GetBucketWebsiteCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3ConnectionDraft } from '../../shared/connections.js';
import { publicReadPolicy } from '../../shared/buckets.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);

const draft: S3ConnectionDraft = {
  protocol: 's3',
  name: 'RGW buckets',
  endpoint: { kind: 'custom', url: env.s3.endpoint },
  region: env.s3.region,
  forcePathStyle: true,
  rememberSecret: true,
  auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey },
};

const text = async (bucket: string, key: string, VersionId?: string) =>
  (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, VersionId }))).Body!.transformToString();

describe('bucket settings through the core, against the real RGW', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let id: string;
  const made: string[] = [];
  const bucketWith = async (prefix: string, objects: Record<string, string> = {}) => {
    const name = uniqueBucketName(prefix);
    made.push(name);
    await createBucketWith(s3, name, objects);
    return name;
  };

  beforeAll(async () => {
    h = await startHeadlessCore();
    call = coreClient(h.core);
    id = (await call('connections:save', { draft })).id;
    expect(await call('connections:connect', { id })).toMatchObject({ state: 'connected' });
  });
  afterAll(async () => {
    for (const b of made) await removeBucket(s3, b);
    await h.dispose();
  });

  it('reads every panel of a fresh bucket truthfully, and marks encryption unsupported on RGW', async () => {
    const bucket = await bucketWith('fresh');
    const settings = await call('buckets:settings', { connectionId: id, bucket });
    expect(settings.versioning).toEqual({ supported: true, value: 'Never enabled' });
    expect(settings.publicAccessBlock).toEqual({
      supported: true,
      value: { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false },
    });
    expect(settings.publicStatus).toEqual({ supported: true, value: { policyIsPublic: false, aclGrantsPublic: [], isPublic: false } });
    expect(settings.website).toEqual({ supported: true, value: { config: { mode: 'off' }, endpoint: null } });
    expect(settings.lifecycle).toEqual({ supported: true, value: [] });
    expect(settings.cors).toEqual({ supported: true, value: [] });
    expect(settings.tags).toEqual({ supported: true, value: [] });
    expect(settings.policy).toEqual({ supported: true, value: '' });
    expect(settings.accountPublicAccessBlock.supported).toBe(false);
    const failure = await failureOf(call('buckets:setEncryption', { connectionId: id, bucket, encryption: { kind: 'SSE-S3' } }));
    expect(failure).toMatchObject({ kind: 'unsupported', message: 'This server does not support default encryption.' });
  });

  it('enables and suspends versioning; lists, restores, deletes and undeletes versions', async () => {
    const bucket = await bucketWith('vers');
    await call('buckets:setVersioning', { connectionId: id, bucket, status: 'Enabled' });
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status).toBe('Enabled');
    for (const body of ['one', 'two', 'three']) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'doc.txt', Body: body }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'doc.txt.bak', Body: 'not me' }));
    const path = `/${bucket}/doc.txt`;
    let versions = await call('buckets:listVersions', { connectionId: id, path });
    expect(versions.map((v) => [v.size, v.isLatest, v.isDeleteMarker])).toEqual([
      [5, true, false],
      [3, false, false],
      [3, false, false],
    ]);
    const first = versions[2]!;
    expect(await text(bucket, 'doc.txt', first.versionId)).toBe('one');

    await call('buckets:restoreVersion', { connectionId: id, path, versionId: first.versionId });
    expect(await text(bucket, 'doc.txt')).toBe('one');
    versions = await call('buckets:listVersions', { connectionId: id, path });
    expect(versions).toHaveLength(4);

    await call('buckets:deleteVersion', { connectionId: id, path, versionId: first.versionId });
    versions = await call('buckets:listVersions', { connectionId: id, path });
    expect(versions.map((v) => v.versionId)).not.toContain(first.versionId);
    expect(versions).toHaveLength(3);

    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'doc.txt' }));
    versions = await call('buckets:listVersions', { connectionId: id, path });
    expect(versions[0]).toMatchObject({ isLatest: true, isDeleteMarker: true });
    await expect(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'doc.txt' }))).rejects.toThrow();

    await call('buckets:undelete', { connectionId: id, path });
    expect(await text(bucket, 'doc.txt')).toBe('one');
    expect(await failureOf(call('buckets:undelete', { connectionId: id, path }))).toMatchObject({ kind: 'conflict' });

    await call('buckets:setVersioning', { connectionId: id, bucket, status: 'Suspended' });
    const settings = await call('buckets:settings', { connectionId: id, bucket });
    expect(settings.versioning).toEqual({ supported: true, value: 'Suspended' });
  });

  it('sets the four Block Public Access switches and names the switch that refuses a public policy', async () => {
    const bucket = await bucketWith('bpa');
    const block = { blockPublicAcls: false, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: false };
    await call('buckets:setPublicAccessBlock', { connectionId: id, bucket, block });
    const server = (await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration;
    expect(server).toMatchObject({ BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: false });
    expect((await call('buckets:settings', { connectionId: id, bucket })).publicAccessBlock).toEqual({ supported: true, value: block });

    const failure = await failureOf(call('buckets:setPolicy', { connectionId: id, bucket, policy: publicReadPolicy(bucket) }));
    expect(failure.kind).toBe('permission');
    expect(failure.message).toContain('Block public bucket policies');
  });

  it('shows the policy status badge: private, then public once a public-read policy is set, then private again', async () => {
    const bucket = await bucketWith('status', { 'index.html': '<h1>hi</h1>' });
    const status = async () => (await call('buckets:settings', { connectionId: id, bucket })).publicStatus;
    expect(await status()).toMatchObject({ supported: true, value: { isPublic: false } });
    await call('buckets:setPolicy', { connectionId: id, bucket, policy: publicReadPolicy(bucket) });
    expect(await status()).toEqual({ supported: true, value: { policyIsPublic: true, aclGrantsPublic: [], isPublic: true } });
    const saved = await call('buckets:settings', { connectionId: id, bucket });
    expect(saved.policy.supported && JSON.parse(saved.policy.value)).toMatchObject({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }] });
    await call('buckets:setPolicy', { connectionId: id, bucket, policy: '' });
    expect(await status()).toMatchObject({ supported: true, value: { isPublic: false } });
  });

  it('validates a policy before sending it and shows the server\'s objection in place', async () => {
    const bucket = await bucketWith('policy');
    expect(await failureOf(call('buckets:setPolicy', { connectionId: id, bucket, policy: '{"Statement": [' }))).toMatchObject({
      kind: 'invalidInput',
      message: expect.stringContaining('not valid JSON'),
    });
    expect(await failureOf(call('buckets:setPolicy', { connectionId: id, bucket, policy: '{"Statement":[{"Effect":"Maybe"}]}' }))).toMatchObject({
      kind: 'invalidInput',
      message: 'Statement 1: "Effect" must be "Allow" or "Deny".',
    });
    const unknownAction = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:NoSuchAction', Resource: `arn:aws:s3:::${bucket}/*` }],
    });
    expect(await failureOf(call('buckets:setPolicy', { connectionId: id, bucket, policy: unknownAction }))).toMatchObject({
      kind: 'invalidInput',
      message: 'The server rejected the policy: check each Action, Resource and Principal.',
    });
    expect((await call('buckets:settings', { connectionId: id, bucket })).policy).toEqual({ supported: true, value: '' });
  });

  it('configures static website hosting (site, routing rules, redirect-all) and switches it off', async () => {
    const bucket = await bucketWith('site', { 'index.html': 'home', 'error.html': 'oops' });
    const routingRules = [{ Condition: { KeyPrefixEquals: 'old/' }, Redirect: { ReplaceKeyPrefixWith: 'new/' } }];
    await call('buckets:setWebsite', {
      connectionId: id,
      bucket,
      website: { mode: 'site', indexDocument: 'index.html', errorDocument: 'error.html', routingRules },
    });
    const server = await s3.send(new GetBucketWebsiteCommand({ Bucket: bucket }));
    expect(server.IndexDocument?.Suffix).toBe('index.html');
    expect(server.ErrorDocument?.Key).toBe('error.html');
    const read = await call('buckets:settings', { connectionId: id, bucket });
    expect(read.website).toEqual({
      supported: true,
      value: { config: { mode: 'site', indexDocument: 'index.html', errorDocument: 'error.html', routingRules }, endpoint: null },
    });

    await call('buckets:setWebsite', { connectionId: id, bucket, website: { mode: 'redirect', hostName: 'example.com', protocol: 'https' } });
    expect((await call('buckets:settings', { connectionId: id, bucket })).website).toMatchObject({
      value: { config: { mode: 'redirect', hostName: 'example.com', protocol: 'https' } },
    });
    await call('buckets:setWebsite', { connectionId: id, bucket, website: { mode: 'off' } });
    expect((await call('buckets:settings', { connectionId: id, bucket })).website).toMatchObject({ value: { config: { mode: 'off' } } });
    expect(await failureOf(call('buckets:setWebsite', { connectionId: id, bucket, website: { mode: 'site', indexDocument: '' } }))).toMatchObject({
      kind: 'invalidInput',
    });
  });

  it('saves lifecycle rules, CORS rules and tags and reads them back', async () => {
    const bucket = await bucketWith('rules');
    const rules = [
      {
        id: 'logs',
        enabled: true,
        prefix: 'logs/',
        transitions: [{ days: 30, storageClass: 'STANDARD_IA' }],
        expirationDays: 365,
        abortIncompleteMultipartDays: 7,
      },
      { id: 'old-versions', enabled: false, tag: { key: 'tier', value: 'scratch' }, noncurrentExpirationDays: 10 },
    ];
    await call('buckets:setLifecycle', { connectionId: id, bucket, rules });
    const cors = [{ allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET' as const, 'PUT' as const], allowedHeaders: ['*'], maxAgeSeconds: 600 }];
    await call('buckets:setCors', { connectionId: id, bucket, rules: cors });
    const tags = [
      { key: 'team', value: 'storage' },
      { key: 'cost-center', value: '42' },
    ];
    await call('buckets:setTags', { connectionId: id, bucket, tags });
    const read = await call('buckets:settings', { connectionId: id, bucket });
    expect(read.lifecycle).toEqual({ supported: true, value: rules });
    expect(read.cors).toEqual({ supported: true, value: cors });
    expect(read.tags.supported && [...read.tags.value].sort((a, b) => a.key.localeCompare(b.key))).toEqual([tags[1], tags[0]]);

    await call('buckets:setLifecycle', { connectionId: id, bucket, rules: [] });
    await call('buckets:setCors', { connectionId: id, bucket, rules: [] });
    await call('buckets:setTags', { connectionId: id, bucket, tags: [] });
    const cleared = await call('buckets:settings', { connectionId: id, bucket });
    expect([cleared.lifecycle, cleared.cors, cleared.tags]).toEqual([
      { supported: true, value: [] },
      { supported: true, value: [] },
      { supported: true, value: [] },
    ]);
  });

  it('says plainly that RGW cannot restore archived objects', async () => {
    const bucket = await bucketWith('glacier');
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'cold.bin', Body: 'ice', StorageClass: 'GLACIER' }));
    const path = `/${bucket}/cold.bin`;
    expect(await call('buckets:restoreStatus', { connectionId: id, path })).toEqual({ state: 'archived' });
    expect(await failureOf(call('buckets:restoreObject', { connectionId: id, path, days: 3, tier: 'Standard' }))).toMatchObject({
      kind: 'unsupported',
      message: 'This server does not support restoring archived objects.',
    });
  });

  it('creates buckets with options, validating the name first', async () => {
    expect(
      await failureOf(call('buckets:create', { connectionId: id, bucket: '192.168.1.1', versioning: false, blockPublicAccess: false, objectLock: false })),
    ).toMatchObject({ kind: 'invalidInput', message: 'Bucket names cannot look like an IP address (such as 192.168.5.4).' });
    const bucket = uniqueBucketName('created');
    made.push(bucket);
    await call('buckets:create', { connectionId: id, bucket, versioning: true, blockPublicAccess: true, objectLock: false });
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    const read = await call('buckets:settings', { connectionId: id, bucket });
    expect(read.versioning).toEqual({ supported: true, value: 'Enabled' });
    expect(read.publicAccessBlock).toEqual({
      supported: true,
      value: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true },
    });
    expect(await failureOf(call('buckets:create', { connectionId: id, bucket, versioning: false, blockPublicAccess: false, objectLock: false }))).toMatchObject({
      kind: 'conflict',
      message: `You already have a bucket named "${bucket}".`,
    });
  });

  it('refuses to delete a non-empty bucket, then empties every version and marker after a typed confirmation', async () => {
    const bucket = await bucketWith('empty');
    await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    for (const body of ['1', '2']) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'x.txt', Body: body }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'gone.txt', Body: 'g' }));
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'gone.txt' }));

    expect(await call('buckets:countForEmpty', { connectionId: id, bucket })).toEqual({ versions: 3, deleteMarkers: 1 });
    const refused = await failureOf(call('buckets:delete', { connectionId: id, bucket, empty: false }));
    expect(refused).toMatchObject({ kind: 'conflict', message: `The bucket "${bucket}" is not empty. Empty it first, or choose "Empty and delete".` });
    expect(await failureOf(call('buckets:delete', { connectionId: id, bucket, empty: true, confirmName: 'wrong' }))).toMatchObject({ kind: 'invalidInput' });
    expect((await s3.send(new ListObjectVersionsCommand({ Bucket: bucket }))).Versions).toHaveLength(3);

    await call('buckets:delete', { connectionId: id, bucket, empty: true, confirmName: bucket });
    await expect(s3.send(new HeadBucketCommand({ Bucket: bucket }))).rejects.toThrow();
  });
});

import { GetBucketPolicyCommand, GetObjectAclCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAclsDisabledProxy } from '../support/aclsDisabledProxy.js';
import { coreClient } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import type { RewritingS3Proxy } from '../support/rewritingS3Proxy.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { s3Draft } from './transferSupport.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);

describe('a bucket whose Object Ownership disables ACLs (recorded AWS refusal in front of RGW)', () => {
  let h: HeadlessCore;
  let proxy: RewritingS3Proxy;
  let call: ReturnType<typeof coreClient>;
  let id: string;
  const bucket = uniqueBucketName('acl-core');

  beforeAll(async () => {
    await createBucketWith(s3, bucket, { 'site/page.html': '<p>hi</p>' });
    proxy = await startAclsDisabledProxy(env.s3.endpoint);
    h = await startHeadlessCore();
    call = coreClient(h.core);
    const draft = { ...s3Draft(env, proxy.endpoint), name: 'Owner-enforced bucket' };
    ({ id } = await call('connections:save', { draft }));
    await call('connections:connect', { id });
  });
  afterAll(async () => {
    await h?.dispose();
    await proxy?.close();
    await removeBucket(s3, bucket);
  });

  it('reports "ACLs disabled" for make public and make private, and leaves the object private', async () => {
    const path = `/${bucket}/site/page.html`;
    expect(await call('buckets:setObjectPublic', { connectionId: id, path, makePublic: true })).toBe('aclsDisabled');
    expect(await call('buckets:setObjectPublic', { connectionId: id, path, makePublic: false })).toBe('aclsDisabled');
    expect(proxy.rewritten()).toBe(2);
    const acl = await s3.send(new GetObjectAclCommand({ Bucket: bucket, Key: 'site/page.html' }));
    expect(acl.Grants?.map((g) => g.Grantee?.URI).filter(Boolean)).toEqual([]);
    expect((await fetch(`${env.s3.endpoint}/${bucket}/site/page.html`)).status).toBe(403);
  });

  it('still saves the public-read policy offered instead, through the same proxy', async () => {
    await call('buckets:addPublicReadPolicy', { connectionId: id, bucket, prefix: 'site/' });
    const policy = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy ?? '{}') as { Statement: { Resource: string }[] };
    expect(policy.Statement.map((s) => s.Resource)).toEqual([`arn:aws:s3:::${bucket}/site/*`]);
    expect((await fetch(`${env.s3.endpoint}/${bucket}/site/page.html`)).status).toBe(200);
  });
});

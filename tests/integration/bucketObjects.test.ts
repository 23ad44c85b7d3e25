import { randomBytes, createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectAclCommand, GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand, PutObjectCommand, PutPublicAccessBlockCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyInPlace } from '../../electron/core/buckets/copyInPlace.js';
import type { S3ConnectionDraft } from '../../shared/connections.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { awsErrorAnswer, startRewritingS3Proxy } from '../support/rewritingS3Proxy.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
const MiB = 1024 * 1024;
const sha = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');

const draft: S3ConnectionDraft = {
  protocol: 's3',
  name: 'RGW objects',
  endpoint: { kind: 'custom', url: env.s3.endpoint },
  region: env.s3.region,
  forcePathStyle: true,
  rememberSecret: true,
  auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey },
};

describe('object-level bucket features against the real RGW', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let id: string;
  const bucket = uniqueBucketName('objects');

  beforeAll(async () => {
    h = await startHeadlessCore();
    call = coreClient(h.core);
    id = (await call('connections:save', { draft })).id;
    await call('connections:connect', { id });
    await createBucketWith(s3, bucket, { 'page.html': '<p>hello</p>' });
  });
  afterAll(async () => {
    await removeBucket(s3, bucket);
    await h.dispose();
  });

  it('changes the class of an object above the single-copy limit with a multipart copy, byte for byte', async () => {
    const body = randomBytes(12 * MiB + 17);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'big.bin', Body: body, ContentType: 'application/x-big', Metadata: { k: 'v' } }));
    // The real limit is 5 GiB; lowered to 5 MiB so the multipart path runs on a 12 MiB object.
    const progress: number[] = [];
    const outcome = await copyInPlace({ client: s3 }, bucket, 'big.bin', {
      storageClass: 'STANDARD_IA',
      singleCopyLimit: 5 * MiB,
      onProgress: (copied, size) => progress.push(size === body.length ? copied : -1),
    });
    expect(outcome).toBe('copied');
    // Known size first, then part by part (5 + 5 + 2 MiB, in whichever order they finish).
    expect(progress).toHaveLength(4);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(body.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'big.bin' }));
    expect([head.StorageClass, head.ContentLength, head.ContentType, head.Metadata]).toEqual(['STANDARD_IA', body.length, 'application/x-big', { k: 'v' }]);
    expect(head.ETag).toMatch(/-3"$/); // three parts: 5 + 5 + 2 MiB
    const back = await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'big.bin' }))).Body!.transformToByteArray();
    expect(sha(back)).toBe(sha(body));
    expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([]);
  });

  it('aborts a multipart copy when a part is refused, leaving the object as it was and no parts behind', async () => {
    const body = randomBytes(12 * MiB + 17);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'refused.bin', Body: body }));
    // Part 2's UploadPartCopy gets S3's plain AccessDenied (as a bucket policy's Deny gives); parts 1 and 3 reach RGW.
    const denied = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>7Q4ZB1M0C1R7X2S9</RequestId><HostId>b2xkLWhvc3QtaWQ=</HostId></Error>';
    const proxy = await startRewritingS3Proxy(env.s3.endpoint, (method, url) =>
      method === 'PUT' && url.searchParams.get('partNumber') === '2' ? awsErrorAnswer(403, denied) : undefined,
    );
    const viaProxy = testS3Client(env, 1, proxy.endpoint);
    try {
      await expect(copyInPlace({ client: viaProxy }, bucket, 'refused.bin', { storageClass: 'STANDARD_IA', singleCopyLimit: 5 * MiB })).rejects.toThrow();
      expect(proxy.rewritten()).toBe(1);
    } finally {
      viaProxy.destroy();
      await proxy.close();
    }
    expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([]);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'refused.bin' }));
    expect(head.StorageClass ?? 'STANDARD').toBe('STANDARD');
    const back = await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'refused.bin' }))).Body!.transformToByteArray();
    expect(sha(back)).toBe(sha(body));
  });

  it('refuses a storage class the server does not offer with a clear sentence, in the transfer row', async () => {
    const [t] = await call('transfers:changeStorageClass', { connectionId: id, paths: [`/${bucket}/page.html`], storageClass: 'EXPRESS_ONEZONE' });
    await h.core.transfers.whenIdle();
    const row = h.core.transfers.list().find((x) => x.id === t!.id);
    expect(row).toMatchObject({ state: 'failed', error: { kind: 'unsupported', message: 'This server does not support this storage class.' } });
  });

  it('uploads a file with a chosen storage class', async () => {
    const work = await makeTempDir('bucket-class-upload');
    try {
      await writeFile(join(work.path, 'cold.txt'), 'cold data');
      await call('transfers:upload', { connectionId: id, localPaths: [join(work.path, 'cold.txt')], remoteFolder: `/${bucket}/up/`, options: { storageClass: 'GLACIER_IR' } });
      await h.core.transfers.whenIdle();
      expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'up/cold.txt' }))).StorageClass).toBe('GLACIER_IR');
      const listing = await call('fs:list', { connectionId: id, path: `/${bucket}/up/` });
      expect(listing.entries).toContainEqual(expect.objectContaining({ name: 'cold.txt', storageClass: 'GLACIER_IR' }));
    } finally {
      await work.remove();
    }
  });

  it('makes an object public and private again, and gives its URL', async () => {
    const path = `/${bucket}/page.html`;
    expect(await call('buckets:objectAccess', { connectionId: id, path })).toEqual({
      isPublic: false,
      url: `${env.s3.endpoint}/${bucket}/page.html`,
    });
    expect(await call('buckets:setObjectPublic', { connectionId: id, path, makePublic: true })).toBe('applied');
    const acl = await s3.send(new GetObjectAclCommand({ Bucket: bucket, Key: 'page.html' }));
    expect(acl.Grants?.some((g) => g.Grantee?.URI?.endsWith('/AllUsers') && g.Permission === 'READ')).toBe(true);
    expect((await call('buckets:objectAccess', { connectionId: id, path })).isPublic).toBe(true);
    const anonymous = await fetch(`${env.s3.endpoint}/${bucket}/page.html`);
    expect([anonymous.status, await anonymous.text()]).toEqual([200, '<p>hello</p>']);
    expect(await call('buckets:setObjectPublic', { connectionId: id, path, makePublic: false })).toBe('applied');
    expect((await call('buckets:objectAccess', { connectionId: id, path })).isPublic).toBe(false);
    expect((await fetch(`${env.s3.endpoint}/${bucket}/page.html`)).status).toBe(403);
  });

  it('names the Block Public Access switch that refuses a public ACL', async () => {
    const other = uniqueBucketName('acl-block');
    await createBucketWith(s3, other, { 'x.txt': 'x' });
    try {
      await s3.send(
        new PutPublicAccessBlockCommand({
          Bucket: other,
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false },
        }),
      );
      const failure = await failureOf(call('buckets:setObjectPublic', { connectionId: id, path: `/${other}/x.txt`, makePublic: true }));
      expect(failure).toMatchObject({
        kind: 'permission',
        message: 'The "Block public ACLs" switch of Block Public Access is on: it refuses public ACLs. Turn it off first.',
      });
    } finally {
      await removeBucket(s3, other);
    }
  });
});

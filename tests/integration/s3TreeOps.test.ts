import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3ConnectionDraft } from '../../shared/connections.js';
import { S3FileSystem } from '../../electron/core/s3/s3FileSystem.js';
import type { RegionalClients } from '../../electron/core/s3/s3Regions.js';
import { copyTree } from '../../electron/core/s3/s3Tree.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { awsErrorAnswer, startRewritingS3Proxy } from '../support/rewritingS3Proxy.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);

const draft: S3ConnectionDraft = {
  protocol: 's3',
  name: 'RGW',
  endpoint: { kind: 'custom', url: env.s3.endpoint },
  region: env.s3.region,
  forcePathStyle: true,
  rememberSecret: true,
  auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey },
};

async function keysUnder(bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    keys.push(...(out.Contents ?? []).map((o) => o.Key!));
    token = out.NextContinuationToken;
  } while (token);
  return keys.sort();
}

const body = async (bucket: string, key: string) =>
  (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();

describe('S3 delete, rename, copy, properties and share links against the real RGW', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let id: string;
  const bucket = uniqueBucketName('tree');
  const other = uniqueBucketName('tree2');
  const p = (key: string) => `/${bucket}/${key}`;
  const s3fs = () => {
    const fs = h.core.sessions.get(id).fs;
    if (!(fs instanceof S3FileSystem)) throw new Error('not S3');
    return fs;
  };

  beforeAll(async () => {
    h = await startHeadlessCore();
    call = coreClient(h.core);
    await createBucketWith(s3, bucket, {
      'docs/a.txt': 'A',
      'docs/deep/b.txt': 'BB',
      'docs/empty/': '',
      'note.txt': 'note',
      'weird/100% ü+#?.txt': 'weird',
    });
    await createBucketWith(s3, other, {});
    const saved = await call('connections:save', { draft });
    id = saved.id;
    expect(await call('connections:connect', { id })).toMatchObject({ state: 'connected' });
  });
  afterAll(async () => {
    await removeBucket(s3, bucket);
    await removeBucket(s3, other);
    await h.dispose();
  });

  it('renames a file (copy + delete) and refuses to overwrite', async () => {
    await call('fs:rename', { connectionId: id, from: p('note.txt'), to: p('renamed note.txt') });
    expect(await body(bucket, 'renamed note.txt')).toBe('note');
    expect(await keysUnder(bucket, 'note')).toEqual([]);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'taken.txt', Body: Buffer.from('taken') }));
    const conflict = await failureOf(call('fs:rename', { connectionId: id, from: p('renamed note.txt'), to: p('taken.txt') }));
    expect(conflict).toEqual({
      kind: 'conflict',
      code: 'coreS3:tree.exists',
      params: { path: p('taken.txt') },
      message: `“${p('taken.txt')}” already exists: choose another name.`,
    });
    expect(await body(bucket, 'taken.txt')).toBe('taken');
  });

  it('copies a folder tree (markers included) to another folder and another bucket', async () => {
    await call('fs:copy', { connectionId: id, from: p('docs/'), to: p('docs copy/') });
    expect(await keysUnder(bucket, 'docs copy/')).toEqual(['docs copy/a.txt', 'docs copy/deep/b.txt', 'docs copy/empty/']);
    expect(await keysUnder(bucket, 'docs/')).toEqual(['docs/a.txt', 'docs/deep/b.txt', 'docs/empty/']);
    await call('fs:copy', { connectionId: id, from: p('weird/100% ü+#?.txt'), to: `/${other}/in/100% ü+#?.txt` });
    expect(await body(other, 'in/100% ü+#?.txt')).toBe('weird');
    const intoItself = await failureOf(call('fs:copy', { connectionId: id, from: p('docs/'), to: p('docs/inner/') }));
    expect(intoItself.kind).toBe('invalidInput');
  });

  it('moves a folder: everything arrives, nothing stays behind', async () => {
    await call('fs:rename', { connectionId: id, from: p('docs copy/'), to: p('archive/docs/') });
    expect(await keysUnder(bucket, 'docs copy/')).toEqual([]);
    expect(await keysUnder(bucket, 'archive/')).toEqual(['archive/docs/a.txt', 'archive/docs/deep/b.txt', 'archive/docs/empty/']);
    expect(await body(bucket, 'archive/docs/deep/b.txt')).toBe('BB');
  });

  it('stops a folder copy at the first refused object: nothing more is copied after the error', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `many/k${String(i).padStart(2, '0')}.txt`);
    await Promise.all(keys.map((Key) => s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Buffer.from(Key) }))));
    const denied = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>3K9ZB1M0C1R7X2QA</RequestId><HostId>b2xkLWhvc3QtaWQ=</HostId></Error>';
    const proxy = await startRewritingS3Proxy(env.s3.endpoint, (method, url) =>
      method === 'PUT' && url.pathname.endsWith('/many%20copy/k03.txt') ? awsErrorAnswer(403, denied) : undefined,
    );
    const viaProxy = testS3Client(env, 1, proxy.endpoint);
    try {
      const clients = { clientFor: async () => viaProxy } as unknown as RegionalClients;
      await expect(copyTree(clients, p('many/'), p('many copy/'), { move: false })).rejects.toThrow('Access Denied');
      expect(proxy.rewritten()).toBe(1);
      const atError = await keysUnder(bucket, 'many copy/');
      // Copies already under way when k03 was refused may finish; none may start after the error was reported.
      expect(atError.length).toBeLessThan(keys.length - 1);
      await new Promise((r) => setTimeout(r, 500));
      expect(await keysUnder(bucket, 'many copy/')).toEqual(atError);
    } finally {
      viaProxy.destroy();
      await proxy.close();
    }
  });

  it('copies large objects part by part with UploadPartCopy', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024, 7);
    big.write('head', 0);
    big.write('tail', big.length - 4);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'big.bin', Body: big, ContentType: 'application/x-test', Metadata: { owner: 'qa' } }));
    const fs = s3fs();
    await copyTree(fs.clients, p('big.bin'), p('big copy.bin'), { move: false, copy: { multipartAbove: 5 * 1024 * 1024 } });
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'big copy.bin' }));
    expect(head.ContentLength).toBe(big.length);
    expect(head.ETag).toMatch(/-3"$/); // parts of at most 5 MiB: 5 + 5 + 1
    expect(head.ContentType).toBe('application/x-test');
    expect(head.Metadata).toEqual({ owner: 'qa' });
    const copied = Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'big copy.bin' }))).Body!.transformToByteArray());
    expect(copied.equals(big)).toBe(true);
  });

  it('counts a folder of 2,500 keys, then deletes it in DeleteObjects batches of 1000', async () => {
    const keys = Array.from({ length: 2500 }, (_, i) => `bulk/sub${i % 5}/k${i}.txt`);
    for (let i = 0; i < keys.length; i += 64) {
      await Promise.all(keys.slice(i, i + 64).map((Key) => s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Buffer.from('xy') }))));
    }
    const summary = await call('fs:summarize', { connectionId: id, paths: [p('bulk/'), p('taken.txt')] });
    expect(summary).toEqual({ files: 2501, folders: 6, bytes: 2500 * 2 + 5 });
    const progress: number[] = [];
    const fs = s3fs();
    const report = await fs.delete([p('bulk/'), p('taken.txt')], (n) => progress.push(n));
    expect(report).toEqual({ deleted: 2501, failed: [] });
    expect(progress).toEqual([1000, 2000, 2500, 2501]);
    expect(await keysUnder(bucket, 'bulk/')).toEqual([]);
  }, 120_000);

  it('reports per-key delete failures instead of swallowing them', async () => {
    const asOther = await call('connections:save', {
      draft: { ...draft, name: 'other', auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId2, secretAccessKey: env.s3.secretAccessKey2 } },
    });
    await call('connections:connect', { id: asOther.id });
    const report = await call('fs:delete', { connectionId: asOther.id, paths: [p('docs/a.txt'), `/${bucket}/`] });
    expect(report.deleted).toBe(0);
    expect(report.failed).toHaveLength(2);
    expect(report.failed[0]).toMatchObject({ path: `/${bucket}/` });
    expect(report.failed[1]).toEqual({ path: p('docs/a.txt'), message: 'Access denied: these credentials are not allowed to do that.' });
    expect(await body(bucket, 'docs/a.txt')).toBe('A');
  });

  it('edits content type, cache-control and user metadata by a copy in place, keeping the bytes', async () => {
    const before = await call('s3:properties', { connectionId: id, path: p('docs/a.txt') });
    expect(before).toMatchObject({ size: 1, storageClass: 'STANDARD', metadata: {}, tags: [] });
    const after = await call('s3:updateHeaders', {
      connectionId: id,
      path: p('docs/a.txt'),
      edit: { contentType: 'text/markdown', cacheControl: 'max-age=60', metadata: { Project: 'stowage', 'review-state': 'ok ✓' } },
    });
    expect(after).toMatchObject({ contentType: 'text/markdown', cacheControl: 'max-age=60', metadata: { project: 'stowage', 'review-state': 'ok ✓' } });
    expect(await body(bucket, 'docs/a.txt')).toBe('A');
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'docs/a.txt' }));
    expect(head.ContentType).toBe('text/markdown');
    // Headers carry ASCII only: non-ASCII metadata travels as an RFC 2047 word.
    expect(head.Metadata?.['review-state']).toMatch(/^=\?UTF-8\?B\?/);
    const cleared = await call('s3:updateHeaders', { connectionId: id, path: p('docs/a.txt'), edit: { contentType: 'text/plain', metadata: {} } });
    expect(cleared.metadata).toEqual({});
    expect(cleared.cacheControl).toBeUndefined();
  });

  it('edits tags, and rejects duplicate keys', async () => {
    const tagged = await call('s3:setTags', { connectionId: id, path: p('docs/a.txt'), tags: [{ key: 'team', value: 'data' }, { key: 'env', value: 'prod' }] });
    expect(tagged.tags).toEqual(expect.arrayContaining([{ key: 'team', value: 'data' }, { key: 'env', value: 'prod' }]));
    expect((await call('s3:setTags', { connectionId: id, path: p('docs/a.txt'), tags: [] })).tags).toEqual([]);
    const dup = await failureOf(call('s3:setTags', { connectionId: id, path: p('docs/a.txt'), tags: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] }));
    expect(dup).toEqual({ kind: 'invalidInput', code: 'coreS3:browse.duplicateTagKeys', message: 'Two tags have the same key.' });
  });

  it('shares a presigned URL that plain HTTP can fetch, and a plain URL that needs it', async () => {
    const link = await call('s3:share', { connectionId: id, path: p('weird/100% ü+#?.txt'), expiresInSeconds: 7 * 24 * 3600 });
    expect(link.presignedUrl).toContain('X-Amz-Expires=604800');
    const fetched = await fetch(link.presignedUrl);
    expect(fetched.status).toBe(200);
    expect(await fetched.text()).toBe('weird');
    expect(link.plainUrl).toBe(`${env.s3.endpoint}/${bucket}/weird/100%25%20%C3%BC%2B%23%3F.txt`);
    const plain = await fetch(link.plainUrl);
    expect(plain.status).toBe(403); // private object: only the signed link works
    await plain.arrayBuffer();
    const tooLong = await failureOf(call('s3:share', { connectionId: id, path: p('docs/a.txt'), expiresInSeconds: 7 * 24 * 3600 + 1 }));
    expect(tooLong.kind).toBe('invalidInput');
  });
});

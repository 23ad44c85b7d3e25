import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3ConnectionDraft } from '../../shared/connections.js';
import type { FileEntry } from '../../shared/files.js';
import { coreClient } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
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

/** 44 bytes kept under a key that S3 consoles and CLIs show as the folder `p/dirobj/`. */
const hidden = 'forty-four bytes under a key ending in slash';

async function keysUnder(bucket: string, prefix: string): Promise<string[]> {
  const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (out.Contents ?? []).map((o) => o.Key!).sort();
}

describe('S3 folder objects (a key ending in "/" that holds bytes) against the real RGW', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let id: string;
  const bucket = uniqueBucketName('dirobj');
  const p = (key: string) => `/${bucket}/${key}`;
  const names = async (path: string) => (await call('fs:list', { connectionId: id, path })).entries.map((e) => `${e.kind}:${e.name}`);

  beforeAll(async () => {
    expect(Buffer.byteLength(hidden)).toBe(44);
    h = await startHeadlessCore();
    call = coreClient(h.core);
    await createBucketWith(s3, bucket, {
      'p/dirobj/': hidden,
      'p/dirobj/child.txt': 'child',
      'p/marker/': '',
      'p/marker/x.txt': 'x',
      'p/50% off+/': 'odd',
    });
    id = (await call('connections:save', { draft })).id;
    expect(await call('connections:connect', { id })).toMatchObject({ state: 'connected' });
  });
  afterAll(async () => {
    await removeBucket(s3, bucket);
    await h.dispose();
  });

  it('lists the folder where the folder is, and the object, flagged, inside it', async () => {
    expect((await names(p('p/'))).sort()).toEqual(['folder:50% off+', 'folder:dirobj', 'folder:marker']);
    const inside = (await call('fs:list', { connectionId: id, path: p('p/dirobj/') })).entries;
    expect(inside).toHaveLength(2);
    expect(inside[0]).toEqual<FileEntry>({
      name: 'dirobj/',
      path: p('p/dirobj/'),
      kind: 'file',
      folderObject: true,
      size: 44,
      modified: expect.any(Number) as number,
      storageClass: 'STANDARD',
    });
    expect(inside[1]).toMatchObject({ name: 'child.txt', path: p('p/dirobj/child.txt'), kind: 'file', size: 5 });
    expect(inside[1]!.folderObject).toBeUndefined();
    expect(await names(p('p/50% off+/'))).toEqual(['file:50% off+/']);
  });

  it('keeps a zero-byte marker hidden: it is the folder itself', async () => {
    expect(await names(p('p/marker/'))).toEqual(['file:x.txt']);
    expect(await call('fs:stat', { connectionId: id, path: p('p/marker/') })).toMatchObject({ kind: 'folder', name: 'marker' });
  });

  it('stats and reads the properties of that exact key', async () => {
    const stat = await call('fs:stat', { connectionId: id, path: p('p/dirobj/') });
    expect(stat).toMatchObject({ name: 'dirobj/', path: p('p/dirobj/'), kind: 'file', folderObject: true, size: 44 });
    expect(stat.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await call('s3:properties', { connectionId: id, path: p('p/dirobj/') })).toMatchObject({ key: 'p/dirobj/', size: 44 });
  });

  it('counts its bytes and the object itself, from its folder and from the folder above', async () => {
    expect(await call('fs:summarize', { connectionId: id, paths: [p('p/dirobj/')] })).toEqual({ files: 2, folders: 1, bytes: 44 + 5 });
    expect(await call('fs:summarize', { connectionId: id, paths: [p('p/')] })).toEqual({
      files: 4, // dirobj/ (44 B), child.txt, x.txt, 50% off+/ (3 B); the zero-byte marker is no file
      folders: 4, // p/, dirobj/, marker/, 50% off+/
      bytes: 44 + 5 + 1 + 3,
    });
    expect(await call('fs:summarize', { connectionId: id, paths: [p('p/marker/')] })).toEqual({ files: 1, folders: 1, bytes: 1 });
  });

  it('deletes exactly that one key with s3:deleteObject: the folder and the rest of it stay', async () => {
    await call('s3:deleteObject', { connectionId: id, path: p('p/dirobj/') });
    expect(await keysUnder(bucket, 'p/dirobj/')).toEqual(['p/dirobj/child.txt']);
    expect(await names(p('p/dirobj/'))).toEqual(['file:child.txt']);
    expect(await names(p('p/'))).toContain('folder:dirobj');
    await call('s3:deleteObject', { connectionId: id, path: p('p/50% off+/') });
    expect(await keysUnder(bucket, 'p/')).toEqual(['p/dirobj/child.txt', 'p/marker/', 'p/marker/x.txt']);
  });
});

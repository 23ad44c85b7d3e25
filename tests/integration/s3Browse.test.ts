import { PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3ConnectionDraft } from '../../shared/connections.js';
import type { FileEntry } from '../../shared/files.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);

function draft(user: 1 | 2): S3ConnectionDraft {
  return {
    protocol: 's3',
    name: `RGW user ${user}`,
    endpoint: { kind: 'custom', url: env.s3.endpoint },
    region: env.s3.region,
    forcePathStyle: true,
    rememberSecret: true,
    auth:
      user === 1
        ? { kind: 'keys', accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey }
        : { kind: 'keys', accessKeyId: env.s3.accessKeyId2, secretAccessKey: env.s3.secretAccessKey2 },
  };
}

const hostileKeys = [
  'odd/space name.txt',
  'odd/plus+sign.txt',
  'odd/100% sure.txt',
  'odd/#hash.txt',
  'odd/what?.txt',
  'odd/ünïcødé 名前 🚀.txt',
  'odd/ctl\u0001char.txt',
  `odd/${'long-'.repeat(180)}end.txt`,
  'odd//double-slash.txt',
  'odd/./dot.txt',
  'odd/../dotdot.txt',
  'odd/twin',
  'odd/twin/',
  'odd/twin/inside.txt',
  'odd/a folder+with %#? ü/inside.txt',
];

describe('S3 browsing against the real RGW', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  const bucket = uniqueBucketName('browse');
  const shared = uniqueBucketName('shared');
  const closed = uniqueBucketName('closed');

  beforeAll(async () => {
    h = await startHeadlessCore();
    call = coreClient(h.core);
    await createBucketWith(s3, bucket, Object.fromEntries(hostileKeys.map((k) => [k, `body of ${k}`])));
    await createBucketWith(s3, shared, { 'hello.txt': 'hello' });
    await createBucketWith(s3, closed, { 'secret.txt': 'no' });
    // The second user may list and read `shared`, nothing else.
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: shared,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: ['arn:aws:iam:::user/other'] },
              Action: ['s3:ListBucket', 's3:GetObject', 's3:GetBucketLocation'],
              Resource: [`arn:aws:s3:::${shared}`, `arn:aws:s3:::${shared}/*`],
            },
          ],
        }),
      }),
    );
  });
  afterAll(async () => {
    for (const b of [bucket, shared, closed]) await removeBucket(s3, b);
    await h.dispose();
  });

  async function connect(user: 1 | 2): Promise<string> {
    const saved = await call('connections:save', { draft: draft(user) });
    expect(await call('connections:connect', { id: saved.id })).toMatchObject({ state: 'connected' });
    return saved.id;
  }

  async function listAll(id: string, path: string): Promise<{ entries: FileEntry[]; pages: number }> {
    const entries: FileEntry[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await call('fs:list', { connectionId: id, path, cursor });
      entries.push(...page.entries);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    return { entries, pages };
  }

  it('shows hostile keys exactly, and each one opens', async () => {
    const id = await connect(1);
    const { entries } = await listAll(id, `/${bucket}/odd/`);
    const rows = entries.map((e) => `${e.kind}:${e.name}`).sort();
    expect(rows).toEqual(
      [
        'folder:', // the `odd//` prefix: a folder with an empty name
        'folder:.',
        'folder:..',
        'folder:twin',
        'folder:a folder+with %#? ü',
        'file:twin',
        'file:space name.txt',
        'file:plus+sign.txt',
        'file:100% sure.txt',
        'file:#hash.txt',
        'file:what?.txt',
        'file:ünïcødé 名前 🚀.txt',
        'file:ctl\u0001char.txt',
        `file:${'long-'.repeat(180)}end.txt`,
      ].sort(),
    );
    for (const e of entries.filter((x) => x.kind === 'file')) {
      const stat = await call('fs:stat', { connectionId: id, path: e.path });
      expect(stat.size).toBe(Buffer.byteLength(`body of ${e.path.slice(bucket.length + 2)}`));
    }
    const inside = async (name: string) => (await listAll(id, `/${bucket}/odd/${name}/`)).entries.map((e) => e.name);
    expect(await inside('')).toEqual(['double-slash.txt']);
    expect(await inside('.')).toEqual(['dot.txt']);
    expect(await inside('..')).toEqual(['dotdot.txt']);
    // The trailing-slash twin `odd/twin/` holds bytes, so it is an object of its own: a flagged
    // row `twin/` inside that folder, beside its child (a zero-byte marker would stay hidden).
    expect(await inside('twin')).toEqual(['twin/', 'inside.txt']);
    expect((await listAll(id, `/${bucket}/odd/twin/`)).entries[0]).toMatchObject({
      path: `/${bucket}/odd/twin/`,
      kind: 'file',
      folderObject: true,
      size: Buffer.byteLength('body of odd/twin/'),
    });
    expect(await inside('a folder+with %#? ü')).toEqual(['inside.txt']);
  });

  it('pages through 3,200 keys: every key once, in pages of at most 1000', async () => {
    const id = await connect(1);
    const names = Array.from({ length: 3200 }, (_, i) => `key-${String(i).padStart(5, '0')}.bin`);
    for (let i = 0; i < names.length; i += 64) {
      await Promise.all(names.slice(i, i + 64).map((n) => s3.send(new PutObjectCommand({ Bucket: bucket, Key: `many/${n}`, Body: '', ContentLength: 0 }))));
    }
    const first = await call('fs:list', { connectionId: id, path: `/${bucket}/many/` });
    expect(first.entries).toHaveLength(1000);
    expect(first.nextCursor).toBeTruthy();
    const { entries, pages } = await listAll(id, `/${bucket}/many/`);
    expect(pages).toBe(4);
    expect(entries.map((e) => e.name)).toEqual(names);
    expect(new Set(entries.map((e) => e.storageClass))).toEqual(new Set(['STANDARD']));
  }, 120_000);

  it('finds the bucket region and lists through a client for that region', async () => {
    const id = await connect(1);
    const opened = await call('s3:openBucket', { connectionId: id, bucket });
    // RGW names its zonegroup ("default") as the bucket location: requests are signed for it.
    expect(opened).toMatchObject({ kind: 'bucket', path: `/${bucket}/`, region: 'default' });
    const props = await call('s3:properties', { connectionId: id, path: `/${bucket}/odd/#hash.txt` });
    expect(props.region).toBe('default');
    expect((await call('fs:list', { connectionId: id, path: `/${bucket}/` })).entries.map((e) => e.name)).toContain('odd');
  });

  it('lets a user open a bucket by name, saves it to the connection, and explains a denial', async () => {
    const id = await connect(2);
    const buckets = await call('fs:list', { connectionId: id, path: '/' });
    expect(buckets.entries.map((e) => e.name)).not.toContain(shared);

    const opened = await call('s3:openBucket', { connectionId: id, bucket: shared, bookmark: true });
    expect(opened).toMatchObject({ kind: 'bucket', name: shared });
    expect((await call('fs:list', { connectionId: id, path: `/${shared}/` })).entries.map((e) => e.name)).toEqual(['hello.txt']);
    const saved = (await call('connections:list', {})).find((c) => c.id === id);
    expect(saved).toMatchObject({ bookmarkedBuckets: [shared] });
    // The saved bucket shows in the bucket list from now on.
    expect((await call('fs:list', { connectionId: id, path: '/' })).entries).toContainEqual(
      expect.objectContaining({ name: shared, kind: 'bucket' }),
    );

    const denied = await failureOf(call('s3:openBucket', { connectionId: id, bucket: closed }));
    expect(denied).toEqual({
      kind: 'permission',
      code: 'coreS3:browse.listBucketDenied',
      params: { bucket: closed },
      message: `These credentials may not list the bucket “${closed}” (no s3:ListBucket on it).`,
    });
    const missing = await failureOf(call('s3:openBucket', { connectionId: id, bucket: `${closed}-nope` }));
    expect(missing.kind).toBe('notFound');
    await call('s3:forgetBucket', { connectionId: id, bucket: shared });
    expect((await call('connections:list', {})).find((c) => c.id === id)).toMatchObject({ bookmarkedBuckets: [] });
  });
});

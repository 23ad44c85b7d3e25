import { randomBytes, createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ListMultipartUploadsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3ConnectionDraft } from '../../shared/connections.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function draft(secretAccessKey: string, endpoint = env.s3.endpoint): S3ConnectionDraft {
  return {
    protocol: 's3',
    name: 'RGW',
    endpoint: { kind: 'custom', url: endpoint },
    region: env.s3.region,
    forcePathStyle: true,
    rememberSecret: true,
    auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId, secretAccessKey },
  };
}

describe('S3 through the core, against the real RGW', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  const bucket = uniqueBucketName('core');
  const sent: string[] = [];

  beforeAll(async () => {
    h = await startHeadlessCore();
    call = coreClient(h.core);
    h.core.events.subscribe((channel, payload) => sent.push(JSON.stringify({ channel, payload })));
    work = await makeTempDir('s3core');
    await createBucketWith(s3, bucket, { 'docs/a.txt': 'A', 'docs/deep/b.txt': 'BB', 'empty/': '', 'root.txt': 'root' });
  });
  afterAll(async () => {
    await removeBucket(s3, bucket);
    await h.dispose();
    await work.remove();
  });

  async function connected(): Promise<string> {
    const saved = await call('connections:save', { draft: draft(env.s3.secretAccessKey) });
    sent.push(JSON.stringify(saved));
    const outcome = await call('connections:connect', { id: saved.id });
    sent.push(JSON.stringify(outcome));
    expect(outcome).toMatchObject({ state: 'connected', homePath: '/' });
    return saved.id;
  }

  it('lists buckets, folders (prefixes, including empty ones) and files', async () => {
    const id = await connected();
    const buckets = await call('fs:list', { connectionId: id, path: '/' });
    expect(buckets.entries).toContainEqual(expect.objectContaining({ name: bucket, kind: 'bucket', path: `/${bucket}/` }));
    const top = await call('fs:list', { connectionId: id, path: `/${bucket}/` });
    expect(top.entries.map((e) => [e.kind, e.name]).sort()).toEqual([
      ['file', 'root.txt'],
      ['folder', 'docs'],
      ['folder', 'empty'],
    ]);
    const empty = await call('fs:list', { connectionId: id, path: `/${bucket}/empty/` });
    expect(empty.entries).toEqual([]);
    sent.push(JSON.stringify([buckets, top]));
  });

  it('pages through a folder of more than one page exactly once per key', async () => {
    const id = await connected();
    const prefix = 'many/';
    const names = Array.from({ length: 1205 }, (_, i) => `k${String(i).padStart(5, '0')}`);
    for (let i = 0; i < names.length; i += 50) {
      await Promise.all(names.slice(i, i + 50).map((n) => s3.send(new PutObjectCommand({ Bucket: bucket, Key: prefix + n, Body: '' }))));
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await call('fs:list', { connectionId: id, path: `/${bucket}/${prefix}`, cursor });
      seen.push(...page.entries.map((e) => e.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen.sort()).toEqual(names);
  });

  it('creates a folder as the conventional zero-byte "name/" key', async () => {
    const id = await connected();
    const made = await call('fs:mkdir', { connectionId: id, parentPath: `/${bucket}/docs/`, name: 'new folder' });
    expect(made).toMatchObject({ kind: 'folder', path: `/${bucket}/docs/new folder/` });
    const listing = await call('fs:list', { connectionId: id, path: `/${bucket}/docs/` });
    expect(listing.entries).toContainEqual(expect.objectContaining({ kind: 'folder', name: 'new folder' }));
  });

  it('uploads a small and a multipart file and downloads them back byte for byte', async () => {
    const id = await connected();
    const small = randomBytes(100_000);
    const large = randomBytes(40 * 1024 * 1024 + 3);
    await writeFile(join(work.path, 'small.bin'), small);
    await writeFile(join(work.path, 'large.bin'), large);
    await call('transfers:upload', {
      connectionId: id,
      localPaths: [join(work.path, 'small.bin'), join(work.path, 'large.bin')],
      remoteFolder: `/${bucket}/up/`,
    });
    await h.core.transfers.whenIdle();
    expect(h.core.transfers.list().map((t) => t.state)).toEqual(['completed', 'completed']);

    const into = join(work.path, 'down');
    await mkdir(into);
    await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/up/small.bin`, `/${bucket}/up/large.bin`], localFolder: into });
    await h.core.transfers.whenIdle();
    expect(sha(await readFile(join(into, 'small.bin')))).toBe(sha(small));
    expect(sha(await readFile(join(into, 'large.bin')))).toBe(sha(large));
    expect((await readdir(into)).sort()).toEqual(['large.bin', 'small.bin']); // no .part left behind
    const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    expect(uploads.Uploads ?? []).toEqual([]);
    await call('transfers:clearFinished', {});
  });

  it('downloads a folder as a tree and keeps hostile keys inside the chosen folder', async () => {
    const id = await connected();
    for (const key of ['tree/../../escape.txt', 'tree//double.txt', 'tree/ok/x.txt']) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }));
    }
    const into = join(work.path, 'tree-down');
    await mkdir(into);
    await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/tree/`], localFolder: into });
    await h.core.transfers.whenIdle();
    const everywhere = (await readdir(work.path, { recursive: true })).map(String).sort();
    expect(everywhere.filter((p) => p.endsWith('.txt'))).toEqual([
      'tree-down/tree/double.txt',
      'tree-down/tree/escape.txt',
      'tree-down/tree/ok/x.txt',
    ]);
    expect(await readFile(join(into, 'tree/escape.txt'), 'utf8')).toBe('tree/../../escape.txt');
    expect(await readFile(join(into, 'tree/ok/x.txt'), 'utf8')).toBe('tree/ok/x.txt');
    await call('transfers:clearFinished', {});
  });

  it('never sends the secret key back: not in any answer or event', () => {
    const everything = sent.join('\n');
    expect(everything).toContain(env.s3.accessKeyId);
    expect(everything).not.toContain(env.s3.secretAccessKey);
  });
});

describe('S3 connection failures, in words', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  beforeAll(async () => {
    h = await startHeadlessCore();
    call = coreClient(h.core);
  });
  afterAll(() => h.dispose());

  it('a wrong secret key', async () => {
    const saved = await call('connections:save', { draft: draft('wrong-secret') });
    // Refused keys are an answer that asks for them again, not a failure (see connectionSecretsRefused.test.ts).
    expect(await call('connections:connect', { id: saved.id })).toEqual({
      state: 'credentialsRefused',
      connectionId: saved.id,
      message: 'The access key or secret key is wrong.',
      code: 'coreS3:service.wrongKeys',
    });
  });

  it('an unreachable endpoint, within a bounded time', async () => {
    const saved = await call('connections:save', { draft: draft(env.s3.secretAccessKey, 'http://127.0.0.1:9') });
    const started = Date.now();
    const failure = await failureOf(call('connections:connect', { id: saved.id }));
    expect(failure.kind).toBe('network');
    expect(failure.message).toMatch(/^Cannot reach the server/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a server that accepts connections but never answers, within a bounded time', async () => {
    const { createServer } = await import('node:net');
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    try {
      const saved = await call('connections:save', { draft: draft(env.s3.secretAccessKey, `http://127.0.0.1:${port}`) });
      const started = Date.now();
      const failure = await failureOf(call('connections:connect', { id: saved.id }));
      expect(failure.kind).toBe('network');
      expect(failure.message).toMatch(/did not answer/);
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      silent.close();
    }
  }, 40_000);
});

import { execFileSync } from 'node:child_process';
import { lstat, mkdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyName } from '../../shared/names.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { createBucketWith, removeBucket, rgwDraft, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);

describe('duplicate names', () => {
  it('names copies as Finder does, the extension kept last', () => {
    expect(copyName('notes.md', false, 1)).toBe('notes copy.md');
    expect(copyName('notes.md', false, 2)).toBe('notes copy 2.md');
    expect(copyName('.bashrc', false, 1)).toBe('.bashrc copy');
    expect(copyName('v1.2', true, 3)).toBe('v1.2 copy 3');
    expect(copyName('Makefile', false, 1)).toBe('Makefile copy');
    expect(copyName('notas.md', false, 2, 'copia')).toBe('notas copia 2.md');
  });
});

describe('Duplicate on S3 (server-side copy) against the real RGW', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let id: string;
  const bucket = uniqueBucketName('dup');
  const p = (key: string) => `/${bucket}/${key}`;
  const body = async (key: string) => (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();
  const keys = async (prefix: string) =>
    ((await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? []).map((o) => o.Key!).sort();

  beforeAll(async () => {
    h = await startHeadlessCore();
    call = coreClient(h.core);
    await createBucketWith(s3, bucket, { 'notes.md': '# notes', 'docs/a.txt': 'A', 'docs/deep/b.txt': 'BB' });
    id = (await call('connections:save', { draft: rgwDraft(env) })).id;
    expect(await call('connections:connect', { id })).toMatchObject({ state: 'connected' });
  });
  afterAll(async () => {
    await removeBucket(s3, bucket);
    await h.dispose();
  });

  it('copies an object beside itself as "name copy.ext", then "name copy 2.ext"', async () => {
    const first = await call('fs:duplicate', { connectionId: id, path: p('notes.md') });
    expect(first).toMatchObject({ path: p('notes copy.md'), name: 'notes copy.md', kind: 'file', size: 7 });
    const second = await call('fs:duplicate', { connectionId: id, path: p('notes.md') });
    expect(second.path).toBe(p('notes copy 2.md'));
    expect(await body('notes copy 2.md')).toBe('# notes');
    expect(await body('notes.md')).toBe('# notes');
  });

  it('copies a whole folder (a prefix without a marker) to "folder copy/"', async () => {
    const copy = await call('fs:duplicate', { connectionId: id, path: p('docs/'), operationId: 'dup-docs' });
    expect(copy).toMatchObject({ path: p('docs copy/'), kind: 'folder' });
    expect(await keys('docs copy/')).toEqual(['docs copy/a.txt', 'docs copy/deep/b.txt']);
    // The copy now exists only as a prefix: the next duplicate must see it and pick "copy 2".
    expect((await call('fs:duplicate', { connectionId: id, path: p('docs/') })).path).toBe(p('docs copy 2/'));
  });

  it('refuses to duplicate a bucket, in words', async () => {
    const error = await failureOf(call('fs:duplicate', { connectionId: id, path: `/${bucket}/` }));
    expect(error).toEqual({ kind: 'unsupported', message: 'Buckets cannot be duplicated.', code: 'coreFs:duplicateBucket' });
  });
});

describe('Duplicate and New symbolic link on SFTP against the real sshd', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let id: string;
  let root: string;

  beforeAll(async () => {
    h = await startHeadlessCore();
    call = coreClient(h.core);
    const saved = await call('connections:save', {
      draft: { protocol: 'sftp', name: 'sshd', host: env.sftp.host, port: env.sftp.port, username: env.sftp.username, rememberSecret: false, auth: { kind: 'key', keyPath: env.sftp.keys.ed25519 } },
    });
    let outcome = await call('connections:connect', { id: saved.id });
    if (outcome.state === 'hostKeyPrompt') outcome = await call('connections:answerHostKey', { promptId: outcome.prompt.promptId, decision: 'trustOnce' });
    expect(outcome.state).toBe('connected');
    id = saved.id;
    // The test sshd serves this machine's disk: lay files out directly, owned by the test user.
    root = join(env.sftp.home, `dup-${process.pid}-${Date.now().toString(36)}`);
    await mkdir(join(root, 'site', 'css'), { recursive: true });
    await writeFile(join(root, 'report.txt'), 'quarterly');
    await writeFile(join(root, 'site', 'index.html'), '<h1>hi</h1>');
    await writeFile(join(root, 'site', 'css', 'a.css'), 'body{}');
    execFileSync('chown', ['-R', `${env.sftp.username}:${env.sftp.username}`, root]);
  });
  afterAll(async () => {
    await h?.dispose();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('duplicates a file and a folder beside themselves, bytes intact', async () => {
    expect((await call('fs:duplicate', { connectionId: id, path: `${root}/report.txt` })).path).toBe(`${root}/report copy.txt`);
    expect((await call('fs:duplicate', { connectionId: id, path: `${root}/report.txt` })).path).toBe(`${root}/report copy 2.txt`);
    expect(await readFile(join(root, 'report copy 2.txt'), 'utf8')).toBe('quarterly');
    const folder = await call('fs:duplicate', { connectionId: id, path: `${root}/site` });
    expect(folder).toMatchObject({ path: `${root}/site copy`, kind: 'folder' });
    expect(await readFile(join(root, 'site copy', 'css', 'a.css'), 'utf8')).toBe('body{}');
  });

  it('creates a symbolic link named as asked, pointing where asked (OpenSSH argument order)', async () => {
    const link = await call('sftp:symlink', { connectionId: id, parentPath: root, name: 'latest', target: `${root}/report.txt` });
    expect((await lstat(join(root, 'latest'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(root, 'latest'))).toBe(`${root}/report.txt`);
    expect(link).toMatchObject({ path: `${root}/latest`, name: 'latest', kind: 'symlink', linkTarget: `${root}/report.txt`, linkTargetKind: 'file' });

    // Relative targets stay relative; a link to a folder lists as one.
    const web = await call('sftp:symlink', { connectionId: id, parentPath: root, name: 'www', target: 'site' });
    expect(await readlink(join(root, 'www'))).toBe('site');
    expect(web).toMatchObject({ kind: 'symlink', linkTargetKind: 'folder' });
    // The target need not exist: the link is made, and shows as broken.
    const dangling = await call('sftp:symlink', { connectionId: id, parentPath: root, name: 'gone', target: 'nowhere.txt' });
    expect(dangling).toMatchObject({ kind: 'symlink', linkTargetKind: 'broken' });
  });

  it('never replaces an existing name, and says so', async () => {
    const error = await failureOf(call('sftp:symlink', { connectionId: id, parentPath: root, name: 'report.txt', target: '/etc/hostname' }));
    expect(error).toEqual({ kind: 'conflict', message: `“report.txt” already exists in ${root}.`, code: 'coreSftp:exists', params: { name: 'report.txt', folder: root } });
    expect(await readFile(join(root, 'report.txt'), 'utf8')).toBe('quarterly');
    const bad = await failureOf(call('sftp:symlink', { connectionId: id, parentPath: root, name: 'a/b', target: 'x' }));
    expect(bad.kind).toBe('invalidInput');
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { chmod, chown, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DeleteBucketPolicyCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailText, type TransferSnapshot } from '../../shared/transfers.js';
import type { Core } from '../../electron/core/createCore.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { coreOn, MiB, s3Draft, sha256File, waitFor } from './transferSupport.js';

const env = readTestbedEnv();
/** The two RGW users: the source bucket is the first one's, the target bucket the second one's. */
const s3a = testS3Client(env, 1);
const s3b = testS3Client(env, 2);

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function objectSha(client: S3Client, bucket: string, key: string): Promise<string> {
  const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return sha256(Buffer.from(await out.Body!.transformToByteArray()));
}

async function multipartUploads(client: S3Client, bucket: string) {
  return (await client.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? [];
}

const finished = (x: TransferSnapshot) => x.state === 'completed' || x.state === 'failed';

describe('copy between places, against the real RGW and sshd', () => {
  const source = uniqueBucketName('copy-src');
  const target = uniqueBucketName('copy-dst');
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let dataDir: string;
  let core: Core;
  let call: ReturnType<typeof coreClient>;
  const ids = { s3a: '', s3b: '', sftpA: '', sftpB: '' };
  let sftpFolder: string;
  const big = randomBytes(40 * MiB + 3);
  const rcloneMtime = '1700000000.123456789';

  async function connectAll(): Promise<void> {
    for (const id of Object.values(ids)) {
      let outcome = await call('connections:connect', { id });
      if (outcome.state === 'hostKeyPrompt') outcome = await call('connections:answerHostKey', { promptId: outcome.prompt.promptId, decision: 'trustOnce' });
      expect(outcome.state).toBe('connected');
    }
  }

  async function start(): Promise<void> {
    core = await coreOn(dataDir, work.path);
    call = coreClient(core);
    await connectAll();
  }

  async function copy(from: string, paths: string[], to: string, folder: string, move = false): Promise<TransferSnapshot[]> {
    return call('transfers:copyBetween', { source: { connectionId: from, paths }, target: { connectionId: to, folder }, ...(move ? { move } : {}) });
  }

  beforeAll(async () => {
    work = await makeTempDir('copy-between');
    dataDir = join(work.path, 'data');
    await createBucketWith(s3a, source, { 'dir/a.txt': 'alpha', 'dir/sub/b.txt': 'bravo' });
    await createBucketWith(s3b, target, {});
    await s3a.send(
      new PutObjectCommand({
        Bucket: source,
        Key: 'big.bin',
        Body: big,
        ContentType: 'application/x-stowage-test',
        CacheControl: 'max-age=77',
        Metadata: { owner: 'stowage', mtime: rcloneMtime },
        Tagging: 'team=blue&tier=gold',
      }),
    );
    core = await coreOn(dataDir, work.path);
    call = coreClient(core);
    const sftpDraft = (name: string) =>
      ({ protocol: 'sftp', name, host: env.sftp.host, port: env.sftp.port, username: env.sftp.username, rememberSecret: false, auth: { kind: 'key', keyPath: env.sftp.keys.ed25519 } }) as const;
    ids.s3a = (await call('connections:save', { draft: s3Draft(env) })).id;
    ids.s3b = (await call('connections:save', { draft: { ...s3Draft(env), name: 'RGW 2', auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId2, secretAccessKey: env.s3.secretAccessKey2 } } })).id;
    ids.sftpA = (await call('connections:save', { draft: sftpDraft('sshd A') })).id;
    ids.sftpB = (await call('connections:save', { draft: sftpDraft('sshd B') })).id;
    await connectAll();
    // Made through the connection, so the SFTP user owns them (the test reads them as files here).
    sftpFolder = (await call('fs:mkdir', { connectionId: ids.sftpA, parentPath: env.sftp.home, name: `copy-${process.pid}-${Date.now().toString(36)}` })).path;
    for (const name of ['src', 'dst', 'dst-paused']) await call('fs:mkdir', { connectionId: ids.sftpA, parentPath: sftpFolder, name });
    await call('transfers:setSettings', { changes: { conflictPolicy: 'overwrite', preservePermissions: true } });
  });

  afterAll(async () => {
    await core.shutdown();
    await removeBucket(s3a, source);
    await removeBucket(s3b, target);
    await rm(sftpFolder, { recursive: true, force: true });
    await work.remove();
  });

  it('copies S3 to S3 across accounts in parts, with its headers, metadata, tags and mtime, and a folder as its files', async () => {
    const added = await copy(ids.s3a, [`/${source}/big.bin`, `/${source}/dir/`], ids.s3b, `/${target}/in/`);
    expect(added.map((t) => t.remotePath).sort()).toEqual([`/${target}/in/big.bin`, `/${target}/in/dir/a.txt`, `/${target}/in/dir/sub/b.txt`]);
    expect(added.every((t) => t.direction === 'copy' && t.copySource?.connectionId === ids.s3a)).toBe(true);
    const folderIds = new Set(added.filter((t) => t.folder).map((t) => t.folder!.id));
    expect(folderIds.size).toBe(1);
    for (const t of added) {
      const done = await waitFor(core, t.id, finished);
      expect(done.error).toBeUndefined();
      expect(done.state).toBe('completed');
    }
    expect(await objectSha(s3b, target, 'in/big.bin')).toBe(sha256(big));
    expect(await objectSha(s3b, target, 'in/dir/sub/b.txt')).toBe(sha256(Buffer.from('bravo')));
    const head = await s3b.send(new HeadObjectCommand({ Bucket: target, Key: 'in/big.bin' }));
    expect(head).toMatchObject({ ContentLength: big.length, ContentType: 'application/x-stowage-test', CacheControl: 'max-age=77' });
    expect(head.Metadata).toEqual({ owner: 'stowage', mtime: rcloneMtime });
    expect(head.ETag).toMatch(/-\d+"$/);
    const tags = await s3b.send(new GetObjectTaggingCommand({ Bucket: target, Key: 'in/big.bin' }));
    expect(Object.fromEntries((tags.TagSet ?? []).map((t) => [t.Key, t.Value]))).toEqual({ team: 'blue', tier: 'gold' });
    expect(await multipartUploads(s3b, target)).toEqual([]);
    // The source is untouched by a copy.
    expect((await s3a.send(new HeadObjectCommand({ Bucket: source, Key: 'big.bin' }))).ContentLength).toBe(big.length);
  });

  it('copies SFTP to S3 with the modification time as rclone writes it', async () => {
    const file = join(sftpFolder, 'src', 'from-sftp.bin');
    const bytes = randomBytes(20 * MiB + 11);
    await writeFile(file, bytes);
    await utimes(file, 1_700_000_100, 1_700_000_100);
    const [t] = await copy(ids.sftpA, [file], ids.s3b, `/${target}/sftp/`);
    const done = await waitFor(core, t!.id, finished);
    expect(done.error).toBeUndefined();
    expect(await objectSha(s3b, target, 'sftp/from-sftp.bin')).toBe(sha256(bytes));
    const head = await s3b.send(new HeadObjectCommand({ Bucket: target, Key: 'sftp/from-sftp.bin' }));
    expect(head.Metadata).toEqual({ mtime: '1700000100.000000000' });
    expect(head.ContentType).toBe('application/octet-stream');
  });

  it('copies S3 to SFTP, giving the file the mtime the object carries', async () => {
    const [t] = await copy(ids.s3a, [`/${source}/big.bin`], ids.sftpA, join(sftpFolder, 'dst'));
    const done = await waitFor(core, t!.id, finished);
    expect(done.error).toBeUndefined();
    expect(detailText(done)).toMatch(/size/i);
    const landed = join(sftpFolder, 'dst', 'big.bin');
    expect(await sha256File(landed)).toBe(sha256(big));
    expect(Math.floor((await stat(landed)).mtimeMs / 1000)).toBe(1_700_000_000);
    expect(await readdir(join(sftpFolder, 'dst'))).toEqual(['big.bin']);
  });

  it('copies SFTP to SFTP on another connection with its permissions and mtime', async () => {
    const file = join(sftpFolder, 'src', 'perm.bin');
    const bytes = randomBytes(3 * MiB + 5);
    await writeFile(file, bytes);
    // The SFTP user's own file, readable by it alone.
    const owner = await stat(sftpFolder);
    await chown(file, owner.uid, owner.gid);
    await chmod(file, 0o640);
    await utimes(file, 1_600_000_000, 1_600_000_000);
    const [t] = await copy(ids.sftpA, [file], ids.sftpB, join(sftpFolder, 'dst'));
    const done = await waitFor(core, t!.id, finished);
    expect(done.error).toBeUndefined();
    const landed = join(sftpFolder, 'dst', 'perm.bin');
    expect(await sha256File(landed)).toBe(sha256(bytes));
    const info = await stat(landed);
    expect(info.mode & 0o777).toBe(0o640);
    expect(info.mtimeMs).toBe(1_600_000_000_000);
  });

  it('moves: the source is deleted once its copy is verified', async () => {
    const file = join(sftpFolder, 'src', 'moving.txt');
    await writeFile(file, 'moving along');
    const [t] = await copy(ids.sftpA, [file], ids.s3b, `/${target}/moved/`, true);
    expect(t!.move).toBe(true);
    const done = await waitFor(core, t!.id, finished);
    expect(done.error).toBeUndefined();
    expect(detailText(done)).toMatch(/source was deleted/);
    expect(await objectSha(s3b, target, 'moved/moving.txt')).toBe(sha256(Buffer.from('moving along')));
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('pauses and resumes an S3 to S3 copy, sending only the parts the server lacks', async () => {
    await call('transfers:setSettings', { changes: { downloadLimit: 8 * MiB } });
    const [t] = await copy(ids.s3a, [`/${source}/big.bin`], ids.s3b, `/${target}/paused/`);
    await waitFor(core, t!.id, (x) => x.bytesDone >= 16 * MiB);
    await call('transfers:pause', { ids: [t!.id] });
    expect((await multipartUploads(s3b, target)).filter((u) => u.Key === 'paused/big.bin').length).toBe(1);
    await call('transfers:setSettings', { changes: { downloadLimit: 0 } });
    await call('transfers:resume', { ids: [t!.id] });
    const done = await waitFor(core, t!.id, finished);
    expect(done.error).toBeUndefined();
    expect(detailText(done)).toMatch(/Resumed: the server already had [1-9]\d* part/);
    expect(await objectSha(s3b, target, 'paused/big.bin')).toBe(sha256(big));
    expect(await multipartUploads(s3b, target)).toEqual([]);
  });

  it('pauses and resumes an S3 to SFTP copy from the offset in its part file', async () => {
    await call('transfers:setSettings', { changes: { downloadLimit: 8 * MiB } });
    const into = join(sftpFolder, 'dst-paused');
    const [t] = await copy(ids.s3a, [`/${source}/big.bin`], ids.sftpB, into);
    await waitFor(core, t!.id, (x) => x.bytesDone >= 12 * MiB);
    await call('transfers:pause', { ids: [t!.id] });
    expect(await readdir(into)).toEqual(['.big.bin.stowage-part']);
    await call('transfers:setSettings', { changes: { downloadLimit: 0 } });
    await call('transfers:resume', { ids: [t!.id] });
    const done = await waitFor(core, t!.id, finished);
    expect(done.error).toBeUndefined();
    expect(detailText(done)).toMatch(/Resumed at byte [1-9]/);
    expect(await readdir(into)).toEqual(['big.bin']);
    expect(await sha256File(join(into, 'big.bin'))).toBe(sha256(big));
  });

  it('pauses and resumes an SFTP to SFTP copy: the source’s reads stop and start again from the offset', async () => {
    await call('transfers:setSettings', { changes: { downloadLimit: 4 * MiB } });
    const file = join(sftpFolder, 'src', 'from-sftp.bin');
    const [t] = await copy(ids.sftpA, [file], ids.sftpB, join(sftpFolder, 'dst-paused'));
    await waitFor(core, t!.id, (x) => x.bytesDone >= 6 * MiB);
    await call('transfers:pause', { ids: [t!.id] });
    expect(await readdir(join(sftpFolder, 'dst-paused'))).toContain('.from-sftp.bin.stowage-part');
    await call('transfers:setSettings', { changes: { downloadLimit: 0 } });
    await call('transfers:resume', { ids: [t!.id] });
    const done = await waitFor(core, t!.id, finished);
    expect(done.error).toBeUndefined();
    expect(detailText(done)).toMatch(/Resumed at byte [1-9]/);
    expect(await sha256File(join(sftpFolder, 'dst-paused', 'from-sftp.bin'))).toBe(await sha256File(file));
  });

  it('cancel aborts the copy’s multipart upload: nothing is left on the server', async () => {
    await call('transfers:setSettings', { changes: { downloadLimit: 8 * MiB } });
    const [t] = await copy(ids.s3a, [`/${source}/big.bin`], ids.s3b, `/${target}/cancel/`);
    await waitFor(core, t!.id, (x) => x.bytesDone >= 8 * MiB);
    expect((await multipartUploads(s3b, target)).filter((u) => u.Key === 'cancel/big.bin').length).toBe(1);
    await call('transfers:cancel', { ids: [t!.id] });
    await call('transfers:setSettings', { changes: { downloadLimit: 0 } });
    expect((await call('transfers:list', {})).find((x) => x.id === t!.id)!.state).toBe('cancelled');
    expect(await multipartUploads(s3b, target)).toEqual([]);
    await expect(s3b.send(new HeadObjectCommand({ Bucket: target, Key: 'cancel/big.bin' }))).rejects.toThrow();
  });

  it('survives a restart of the core mid-copy and resumes from ListParts', async () => {
    await call('transfers:setSettings', { changes: { downloadLimit: 8 * MiB } });
    const [t] = await copy(ids.sftpA, [join(sftpFolder, 'src', 'from-sftp.bin')], ids.s3b, `/${target}/restart/`);
    await waitFor(core, t!.id, (x) => x.bytesDone >= 9 * MiB);
    await core.shutdown();
    const saved = JSON.parse(await readFile(join(dataDir, 'transfers.json'), 'utf8'));
    const job = saved.jobs.find((j: { snapshot: { id: string } }) => j.snapshot.id === t!.id);
    expect(job.checkpoint).toMatchObject({ kind: 's3Upload' });
    expect((await multipartUploads(s3b, target)).map((u) => u.UploadId)).toContain(job.checkpoint.uploadId);

    await start();
    await call('transfers:setSettings', { changes: { downloadLimit: 0 } });
    expect((await call('transfers:list', {})).find((x) => x.id === t!.id)!.state).toBe('paused');
    await call('transfers:resume', { ids: [t!.id] });
    const done = await waitFor(core, t!.id, finished);
    expect(done.error).toBeUndefined();
    expect(detailText(done)).toMatch(/Resumed: the server already had [1-9]\d* part/);
    expect(await objectSha(s3b, target, 'restart/from-sftp.bin')).toBe(await sha256File(join(sftpFolder, 'src', 'from-sftp.bin')));
    expect(await multipartUploads(s3b, target)).toEqual([]);
  });

  it('copies on the server within one connection, keeping what the object carries', async () => {
    const [t] = await copy(ids.s3a, [`/${source}/big.bin`], ids.s3a, `/${source}/same/`);
    const done = await waitFor(core, t!.id, finished);
    expect(done.error).toBeUndefined();
    expect(detailText(done)).toMatch(/Copied on the server/);
    expect(done.bytesDone).toBe(big.length);
    expect(await objectSha(s3a, source, 'same/big.bin')).toBe(sha256(big));
    expect((await s3a.send(new HeadObjectCommand({ Bucket: source, Key: 'same/big.bin' }))).Metadata).toEqual({ owner: 'stowage', mtime: rcloneMtime });
    const file = join(sftpFolder, 'src', 'from-sftp.bin');
    const [u] = await copy(ids.sftpA, [file], ids.sftpA, join(sftpFolder, 'dst'));
    expect((await waitFor(core, u!.id, finished)).error).toBeUndefined();
    expect(await sha256File(join(sftpFolder, 'dst', 'from-sftp.bin'))).toBe(await sha256File(file));
  });

  it('replaces a file that exists within one connection when told to overwrite, through Stowage since the server copy will not', async () => {
    const [t] = await copy(ids.s3a, [`/${source}/dir/a.txt`], ids.s3a, `/${source}/same/`);
    await waitFor(core, t!.id, finished);
    const [u] = await copy(ids.s3a, [`/${source}/dir/a.txt`], ids.s3a, `/${source}/same/`);
    const done = await waitFor(core, u!.id, finished);
    expect(done.error).toBeUndefined();
    expect(await objectSha(s3a, source, 'same/a.txt')).toBe(sha256(Buffer.from('alpha')));
    const file = join(sftpFolder, 'src', 'from-sftp.bin');
    await writeFile(join(sftpFolder, 'dst', 'from-sftp.bin'), 'older');
    const [v] = await copy(ids.sftpA, [file], ids.sftpA, join(sftpFolder, 'dst'));
    expect((await waitFor(core, v!.id, finished)).error).toBeUndefined();
    expect(await sha256File(join(sftpFolder, 'dst', 'from-sftp.bin'))).toBe(await sha256File(file));
  });

  it('answers a target that exists as the conflict policy says: "rename" keeps both', async () => {
    await call('transfers:setSettings', { changes: { conflictPolicy: 'rename' } });
    try {
      const [t] = await copy(ids.s3a, [`/${source}/dir/a.txt`], ids.s3b, `/${target}/in/dir/`);
      const done = await waitFor(core, t!.id, finished);
      expect(done.error).toBeUndefined();
      expect(done.remotePath).toBe(`/${target}/in/dir/a (1).txt`);
      expect(await objectSha(s3b, target, 'in/dir/a (1).txt')).toBe(sha256(Buffer.from('alpha')));
    } finally {
      await call('transfers:setSettings', { changes: { conflictPolicy: 'overwrite' } });
    }
  });

  it('asks when the target exists, and writes a free target only while it stays free', async () => {
    await call('transfers:setSettings', { changes: { conflictPolicy: 'ask' } });
    try {
      const [free] = await copy(ids.s3a, [`/${source}/big.bin`], ids.s3b, `/${target}/asked/`);
      expect((await waitFor(core, free!.id, finished)).error).toBeUndefined();
      expect(await objectSha(s3b, target, 'asked/big.bin')).toBe(sha256(big));
      const [taken] = await copy(ids.s3a, [`/${source}/dir/sub/b.txt`], ids.s3b, `/${target}/in/dir/sub/`);
      const waiting = await waitFor(core, taken!.id, (x) => x.state === 'waiting');
      expect(waiting.conflict).toMatchObject({ direction: 'upload', copy: true, targetPath: `/${target}/in/dir/sub/b.txt`, canResume: false, source: { size: 5 }, target: { size: 5 } });
      await call('transfers:resolveConflict', { id: taken!.id, choice: 'overwrite', applyToAll: false });
      expect((await waitFor(core, taken!.id, finished)).state).toBe('completed');
    } finally {
      await call('transfers:setSettings', { changes: { conflictPolicy: 'overwrite' } });
    }
  });

  it('refuses the list of buckets as a target with a sentence', async () => {
    const error = await failureOf(copy(ids.sftpA, [join(sftpFolder, 'src', 'perm.bin')], ids.s3b, '/'));
    expect(error).toMatchObject({ kind: 'invalidInput', message: expect.stringMatching(/bucket or a folder/) });
  });

  it('refuses keys that would climb out of the chosen SFTP folder, and copies the others', async () => {
    const keys = ['hostile/../../escaped.txt', 'hostile/a//b.txt', 'hostile/./dot.txt', 'hostile/back\\slash.txt', 'hostile/fine.txt'];
    for (const Key of keys) await s3a.send(new PutObjectCommand({ Bucket: source, Key, Body: Key }));
    await call('fs:mkdir', { connectionId: ids.sftpA, parentPath: sftpFolder, name: 'dst-hostile' });
    const into = join(sftpFolder, 'dst-hostile');
    const added = await copy(ids.s3a, [`/${source}/hostile/`], ids.sftpA, into);
    const done = await Promise.all(added.map((t) => waitFor(core, t.id, finished)));
    const refused = done.filter((t) => t.state === 'failed');
    expect(refused.length).toBe(keys.length - 1);
    for (const t of refused) expect(t.error).toMatchObject({ kind: 'invalidInput', message: expect.stringMatching(/cannot be a file here/) });
    expect(await readFile(join(into, 'hostile', 'fine.txt'), 'utf8')).toBe('hostile/fine.txt');
    await expect(stat(join(sftpFolder, 'escaped.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(join(into, 'hostile'))).toEqual(['fine.txt']);
  });

  it('refuses a copy onto itself or into a folder it copies', async () => {
    const onto = await failureOf(copy(ids.s3a, [`/${source}/dir/a.txt`], ids.s3a, `/${source}/dir/`, true));
    expect(onto).toMatchObject({ kind: 'invalidInput', message: expect.stringMatching(/onto itself/) });
    const into = await failureOf(copy(ids.sftpA, [join(sftpFolder, 'src')], ids.sftpA, join(sftpFolder, 'src', 'inner')));
    expect(into).toMatchObject({ kind: 'invalidInput', message: expect.stringMatching(/inside what you are copying/) });
    expect((await s3a.send(new HeadObjectCommand({ Bucket: source, Key: 'dir/a.txt' }))).ContentLength).toBe(5);
  });

  it('fails an SFTP source that changes during the copy instead of completing a mixed file', async () => {
    const file = join(sftpFolder, 'src', 'changing.bin');
    await writeFile(file, randomBytes(20 * MiB));
    await call('transfers:setSettings', { changes: { downloadLimit: 8 * MiB } });
    try {
      const [t] = await copy(ids.sftpA, [file], ids.s3b, `/${target}/changing/`);
      await waitFor(core, t!.id, (x) => x.bytesDone >= 4 * MiB);
      await utimes(file, 1_650_000_000, 1_650_000_000);
      const done = await waitFor(core, t!.id, finished);
      expect(done.state).toBe('failed');
      expect(done.error).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/changed on the server while it was being copied/) });
      await expect(s3b.send(new HeadObjectCommand({ Bucket: target, Key: 'changing/changing.bin' }))).rejects.toThrow();
      await call('transfers:cancel', { ids: [t!.id] });
    } finally {
      await call('transfers:setSettings', { changes: { downloadLimit: 0 } });
    }
  });

  it('replaces ten files within one SFTP connection at once without running out of channels', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `f${i}.bin`);
    await call('fs:mkdir', { connectionId: ids.sftpA, parentPath: join(sftpFolder, 'src'), name: 'many' });
    await call('fs:mkdir', { connectionId: ids.sftpA, parentPath: sftpFolder, name: 'dst-many' });
    await call('fs:mkdir', { connectionId: ids.sftpA, parentPath: join(sftpFolder, 'dst-many'), name: 'many' });
    for (const name of names) {
      await writeFile(join(sftpFolder, 'src', 'many', name), randomBytes(256 * 1024));
      await writeFile(join(sftpFolder, 'dst-many', 'many', name), 'older');
    }
    const added = await copy(ids.sftpA, [join(sftpFolder, 'src', 'many')], ids.sftpA, join(sftpFolder, 'dst-many'));
    expect(added.length).toBe(10);
    for (const t of added) expect((await waitFor(core, t.id, finished, 20_000)).error).toBeUndefined();
    for (const name of names) expect(await sha256File(join(sftpFolder, 'dst-many', 'many', name))).toBe(await sha256File(join(sftpFolder, 'src', 'many', name)));
  });

  it('completes a copy whose tags the target refuses, with a note instead of a failure', async () => {
    const bucket = uniqueBucketName('copy-notags');
    await createBucketWith(s3b, bucket, {});
    try {
      const Statement = [{ Effect: 'Deny', Principal: { AWS: ['*'] }, Action: ['s3:PutObjectTagging'], Resource: [`arn:aws:s3:::${bucket}/*`] }];
      await s3b.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement }) }));
      const [t] = await copy(ids.s3a, [`/${source}/big.bin`], ids.s3b, `/${bucket}/`);
      const done = await waitFor(core, t!.id, finished);
      expect(done.error).toBeUndefined();
      expect(done.state).toBe('completed');
      expect(detailText(done)).toMatch(/refused the object's tags/);
      expect(await objectSha(s3b, bucket, 'big.bin')).toBe(sha256(big));
    } finally {
      await s3b.send(new DeleteBucketPolicyCommand({ Bucket: bucket })).catch(() => undefined);
      await removeBucket(s3b, bucket);
    }
  });

  it('refuses a copy with this computer on one side before listing anything', async () => {
    const error = await failureOf(copy('local', [work.path], ids.s3b, `/${target}/local/`));
    expect(error).toMatchObject({ kind: 'unsupported' });
    expect((await call('transfers:list', {})).some((x) => x.copySource?.connectionId === 'local')).toBe(false);
  });
});

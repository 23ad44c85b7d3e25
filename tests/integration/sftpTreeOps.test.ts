import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors.js';
import { type SftpSession } from '../../electron/core/sftp/index.js';
import { openSftpSession } from '../../electron/core/sftp/openSftpSession.js';
import type { SftpChannel } from '../../electron/core/sftp/sftpChannel.js';
import { copyTree } from '../../electron/core/sftp/sftpCopy.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv().sftp;
const unique = (label: string) => `stowage-${label}-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Lays out files on the server's disk (tests run as root there), owned by the test user. */
async function layout(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    if (path.endsWith('/')) await mkdir(full, { recursive: true });
    else {
      await mkdir(join(full, '..'), { recursive: true });
      await writeFile(full, content);
    }
  }
  execFileSync('chown', ['-R', `${env.username}:${env.username}`, root]);
}

const exists = (path: string) => lstat(path).then(
  () => true,
  () => false,
);

describe('SFTP changes to files and folders, against the real sshd', () => {
  let session: SftpSession;
  let root: string;

  beforeAll(async () => {
    session = await openSftpSession({
      host: env.host,
      port: env.port,
      username: env.username,
      auth: { kind: 'password', password: env.password },
      hostKey: () => 'accept',
    });
    root = (await session.fs.mkdir(session.homePath, unique('tree'))).path;
  });
  afterAll(async () => {
    await session?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function fresh(label: string, files: Record<string, string | Buffer> = {}): Promise<string> {
    const folder = (await session.fs.mkdir(root, unique(label))).path;
    await layout(folder, files);
    return folder;
  }

  it('counts a tree first, then deletes it all with progress, links not followed', async () => {
    const keep = await fresh('keep', { 'precious.txt': 'do not follow me' });
    const folder = await fresh('del', {
      'a.txt': 'aaaa',
      'sub/b.txt': 'bb',
      'sub/deeper/c.bin': randomBytes(1000),
      'sub/empty/': '',
      'ünï cødé/-dash\nnewline': 'x',
    });
    await symlink(keep, join(folder, 'link-to-keep'));

    const summary = await session.fs.summarize([folder]);
    // Folders: the root, sub, deeper, empty, ünï cødé. Files: 4 plus the link.
    expect(summary).toEqual({ files: 5, folders: 5, bytes: 4 + 2 + 1000 + 1 + (await lstat(join(folder, 'link-to-keep'))).size });

    const progress: number[] = [];
    const report = await session.fs.delete([folder], (n) => progress.push(n));
    expect(report).toEqual({ deleted: 10, failed: [] });
    expect(progress.at(-1)).toBe(10);
    expect(await exists(folder)).toBe(false);
    expect(await readFile(join(keep, 'precious.txt'), 'utf8')).toBe('do not follow me');
  });

  it('reports what it could not delete, keeps going, and the session still works', async () => {
    const folder = await fresh('partial', { 'free/x.txt': 'x', 'locked/y.txt': 'y', 'z.txt': 'z' });
    await chmod(join(folder, 'locked'), 0o555);
    try {
      const report = await session.fs.delete([folder]);
      expect(report.failed).toHaveLength(1);
      expect(report.failed[0]).toMatchObject({ path: `${folder}/locked/y.txt` });
      expect(report.failed[0]!.message).toMatch(/Permission denied/);
      // free/x.txt, free, z.txt went; locked and the root stay because they are not empty.
      expect(report.deleted).toBe(3);
      expect(await exists(join(folder, 'locked', 'y.txt'))).toBe(true);
      expect(await exists(join(folder, 'z.txt'))).toBe(false);
      expect((await session.fs.list(folder)).entries.map((e) => e.name)).toEqual(['locked']);
    } finally {
      await chmod(join(folder, 'locked'), 0o755);
    }
    const missing = await session.fs.delete([`${folder}/not-there`]);
    expect(missing.failed[0]!.message).toMatch(/No such file/);
  });

  it('renames and moves files and folders, refusing to replace or to move into itself', async () => {
    const folder = await fresh('mv', { 'one.txt': '1', 'two.txt': '2', 'dir/inner.txt': 'in' });
    await session.fs.rename(`${folder}/one.txt`, `${folder}/-uno ✓.txt`);
    expect(await readFile(join(folder, '-uno ✓.txt'), 'utf8')).toBe('1');
    await session.fs.rename(`${folder}/dir`, `${folder}/moved dir`);
    expect(await readFile(join(folder, 'moved dir', 'inner.txt'), 'utf8')).toBe('in');
    await session.fs.rename(`${folder}/two.txt`, `${folder}/moved dir/two.txt`);
    expect(await exists(join(folder, 'moved dir', 'two.txt'))).toBe(true);

    await layout(folder, { 'three.txt': '3' });
    const taken = await failure(session.fs.rename(`${folder}/three.txt`, `${folder}/-uno ✓.txt`));
    expect(taken).toMatchObject({ kind: 'conflict' });
    expect(taken.message).toContain('already exists');
    expect(await readFile(join(folder, '-uno ✓.txt'), 'utf8')).toBe('1');
    expect((await failure(session.fs.rename(`${folder}/moved dir`, `${folder}/moved dir/x`))).kind).toBe('invalidInput');
    expect((await failure(session.fs.rename(`${folder}/nothing`, `${folder}/else`))).kind).toBe('notFound');
  });

  it('copies a file byte for byte with its mode, and a whole folder with links', async () => {
    const data = randomBytes(3 * 1024 * 1024 + 17);
    const folder = await fresh('cp', { 'big.bin': data, 'tree/a.txt': 'A', 'tree/sub/b.txt': 'B' });
    await chmod(join(folder, 'big.bin'), 0o640);
    await symlink('a.txt', join(folder, 'tree', 'link'));

    await session.fs.copy(`${folder}/big.bin`, `${folder}/copy of big.bin`);
    expect((await readFile(join(folder, 'copy of big.bin'))).equals(data)).toBe(true);
    expect((await stat(join(folder, 'copy of big.bin'))).mode & 0o777).toBe(0o640);

    const done: number[] = [];
    await session.fs.copy(`${folder}/tree`, `${folder}/tree copy`, (n) => done.push(n));
    expect(await readFile(join(folder, 'tree copy', 'sub', 'b.txt'), 'utf8')).toBe('B');
    expect(await readlink(join(folder, 'tree copy', 'link'))).toBe('a.txt');
    expect(done.at(-1)).toBe(5);

    expect((await failure(session.fs.copy(`${folder}/tree`, `${folder}/tree copy`))).kind).toBe('conflict');
    expect((await failure(session.fs.copy(`${folder}/tree`, `${folder}/tree/inside`))).kind).toBe('invalidInput');
  });

  it('creates an empty file, never replacing one, odd names included', async () => {
    const folder = await fresh('touch', { 'taken.txt': 'keep me' });
    const made = await session.fs.createFile(folder, '-new file ✓.txt');
    expect(made).toMatchObject({ kind: 'file', size: 0, name: '-new file ✓.txt', permissions: expect.any(Number) });
    expect(await readFile(join(folder, '-new file ✓.txt'), 'utf8')).toBe('');
    const taken = await failure(session.fs.createFile(folder, 'taken.txt'));
    expect(taken.kind).toBe('conflict');
    expect(await readFile(join(folder, 'taken.txt'), 'utf8')).toBe('keep me');
    expect((await failure(session.fs.createFile(folder, 'a/b'))).kind).toBe('invalidInput');
  });

  it('copies by reading and writing back when the server has no copy-data', async () => {
    const data = randomBytes(700 * 1024 + 3);
    const folder = await fresh('cp-stream', { 'src.bin': data });
    const pool = (session.fs as unknown as { channels: { acquire(): Promise<SftpChannel>; release(c: SftpChannel, reusable: boolean): void } })
      .channels;
    const channel = await pool.acquire();
    expect(channel.hasExtension('copy-data')).toBe(true);
    // An older server (OpenSSH < 9) would not offer it: take it away on this one channel.
    channel.hasExtension = () => false;
    try {
      await copyTree(channel, `${folder}/src.bin`, `${folder}/dst.bin`);
    } finally {
      pool.release(channel, false);
    }
    expect((await readFile(join(folder, 'dst.bin'))).equals(data)).toBe(true);
  });

  it('changes permissions of one file, and of a whole tree recursively', async () => {
    const folder = await fresh('chmod', { 'f.txt': 'f', 'sub/g.txt': 'g', 'sub/deep/h.txt': 'h' });
    await session.fs.chmod(`${folder}/f.txt`, 0o600);
    expect((await stat(join(folder, 'f.txt'))).mode & 0o7777).toBe(0o600);
    expect((await session.fs.stat(`${folder}/f.txt`)).permissions).toBe(0o600);

    const report = await session.fs.chmod(`${folder}/sub`, 0o750, true);
    expect(report).toEqual({ changed: 4, failed: [] });
    for (const path of ['sub', 'sub/g.txt', 'sub/deep', 'sub/deep/h.txt']) {
      expect((await stat(join(folder, path))).mode & 0o7777).toBe(0o750);
    }
    // Taking away the folders' own x bit still reaches everything inside (contents go first).
    const locked = await session.fs.chmod(`${folder}/sub`, 0o600, true);
    expect(locked.failed).toEqual([]);
    expect((await stat(join(folder, 'sub', 'deep', 'h.txt'))).mode & 0o7777).toBe(0o600);
    await chmod(join(folder, 'sub'), 0o755);
    await chmod(join(folder, 'sub', 'deep'), 0o755);

    const notMine = await fresh('not-mine', { 'root-owned.txt': 'r' });
    execFileSync('chown', ['root:root', join(notMine, 'root-owned.txt')]);
    const denied = await failure(session.fs.chmod(`${notMine}/root-owned.txt`, 0o777));
    expect(denied.kind).toBe('permission');
    expect(denied.message).toContain('root-owned.txt');
    expect((await session.fs.stat(notMine)).kind).toBe('folder');
  });
});

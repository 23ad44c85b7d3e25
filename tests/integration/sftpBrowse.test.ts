import { chmod, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors.js';
import { type SftpFileSystemOptions, type SftpSession } from '../../electron/core/sftp/index.js';
import { openSftpSession } from '../../electron/core/sftp/openSftpSession.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv().sftp;

function connect(fs?: SftpFileSystemOptions): Promise<SftpSession> {
  return openSftpSession({
    host: env.host,
    port: env.port,
    username: env.username,
    auth: { kind: 'password', password: env.password },
    hostKey: () => 'accept',
    fs,
  });
}

const unique = (label: string) => `stowage-${label}-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Creates empty files over ONE raw ssh2 SFTP channel, many requests in flight. */
async function createEmptyFiles(folder: string, names: string[]): Promise<void> {
  const client = new ssh2.Client();
  await new Promise<void>((resolve, reject) => {
    client.on('ready', resolve).on('error', reject);
    client.connect({ host: env.host, port: env.port, username: env.username, password: env.password });
  });
  client.setNoDelay(true);
  try {
    const sftp = await new Promise<ssh2.SFTPWrapper>((resolve, reject) =>
      client.sftp((err, channel) => (err ? reject(err) : resolve(channel))),
    );
    const touch = (name: string) =>
      new Promise<void>((resolve, reject) =>
        sftp.open(`${folder}/${name}`, 'w', (err, handle) =>
          err ? reject(err) : sftp.close(handle, (closeErr) => (closeErr ? reject(closeErr) : resolve())),
        ),
      );
    for (let i = 0; i < names.length; i += 256) await Promise.all(names.slice(i, i + 256).map(touch));
  } finally {
    client.end();
  }
}

describe('SFTP browsing against the real sshd', () => {
  let session: SftpSession;
  let root: string;

  beforeAll(async () => {
    session = await connect();
    const made = await session.fs.mkdir(session.homePath, unique('browse'));
    root = made.path;
  });
  afterAll(async () => {
    await session?.close();
    // Tests run as root on the server's machine: clean up whatever permissions say.
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function freshFolder(label: string): Promise<string> {
    return (await session.fs.mkdir(root, unique(label))).path;
  }

  it('lists the home folder with the test folder in it', async () => {
    const page = await session.fs.list(session.homePath);
    const mine = page.entries.find((entry) => entry.path === root);
    expect(mine).toMatchObject({ kind: 'folder', owner: env.username, group: env.username });
    expect(mine!.permissions! & 0o700).toBe(0o700);
    expect(mine!.modified).toBeGreaterThan(Date.now() - 3_600_000);
    expect(page.entries.some((entry) => entry.name === '.' || entry.name === '..')).toBe(false);
  });

  it('pages a folder of 3,000 files: every name exactly once', async () => {
    const folder = await freshFolder('paging');
    const names = Array.from({ length: 3000 }, (_, i) => `file-${String(i).padStart(4, '0')}.txt`);
    const started = Date.now();
    await createEmptyFiles(folder, names);
    console.log(`created 3,000 files over one channel in ${Date.now() - started} ms`);

    const seen: string[] = [];
    let pages = 0;
    let cursor: string | undefined;
    const listStarted = Date.now();
    do {
      const page = await session.fs.list(folder, cursor);
      pages++;
      expect(page.entries.length).toBeLessThanOrEqual(1000);
      for (const entry of page.entries) {
        expect(entry).toMatchObject({ kind: 'file', size: 0, path: `${folder}/${entry.name}` });
        seen.push(entry.name);
      }
      cursor = page.nextCursor;
    } while (cursor);
    console.log(`listed 3,000 entries in ${pages} pages in ${Date.now() - listStarted} ms`);

    expect(pages).toBeGreaterThanOrEqual(3);
    expect(seen).toHaveLength(3000);
    expect(new Set(seen).size).toBe(3000);
    expect([...seen].sort()).toEqual(names);
  });

  it('refuses a cursor for another folder or used twice', async () => {
    const folder = await freshFolder('cursor');
    await createEmptyFiles(folder, Array.from({ length: 1500 }, (_, i) => `f${i}`));
    const first = await session.fs.list(folder);
    expect(first.nextCursor).toBeDefined();
    const wrongFolder = await failure(session.fs.list(root, first.nextCursor));
    expect(wrongFolder.kind).toBe('invalidInput');
    // The right folder still continues where it was.
    const second = await session.fs.list(folder, first.nextCursor);
    expect(first.entries.length + second.entries.length).toBe(1500);
    expect(second.nextCursor).toBeUndefined();
    const reused = await failure(session.fs.list(folder, first.nextCursor));
    expect(reused).toMatchObject({ kind: 'invalidInput', message: 'This listing has expired: reload the folder.' });
  });

  it('closes an abandoned listing after its idle time', async () => {
    const folder = await freshFolder('idle');
    await createEmptyFiles(folder, Array.from({ length: 30 }, (_, i) => `f${i}`));
    const short = await connect({ pageSize: 10, cursorIdleMs: 50 });
    try {
      const first = await short.fs.list(folder);
      expect(first.entries).toHaveLength(10);
      const second = await short.fs.list(folder, first.nextCursor);
      expect(second.entries).toHaveLength(10);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect((await failure(short.fs.list(folder, second.nextCursor))).kind).toBe('invalidInput');
    } finally {
      await short.close();
    }
  });

  it('lists odd names as they are: spaces, unicode, a leading dash, a newline', async () => {
    const folder = await freshFolder('odd');
    const names = ['with space.txt', 'ünïcødé-文件-🚀.txt', '-leading-dash', 'new\nline', '  spaced  ', '.hidden'];
    await createEmptyFiles(folder, names);
    const page = await session.fs.list(folder);
    expect(page.entries.map((e) => e.name).sort()).toEqual([...names].sort());
    for (const name of names) {
      const entry = await session.fs.stat(`${folder}/${name}`);
      expect(entry).toMatchObject({ name, kind: 'file', path: `${folder}/${name}` });
    }
  });

  it('makes folders, refuses an existing name and a name with a slash', async () => {
    const made = await session.fs.mkdir(root, 'new folder ✓');
    expect(made).toMatchObject({ name: 'new folder ✓', path: `${root}/new folder ✓`, kind: 'folder' });
    expect((await session.fs.stat(made.path)).kind).toBe('folder');
    expect((await session.fs.list(made.path)).entries).toEqual([]);

    const again = await failure(session.fs.mkdir(root, 'new folder ✓'));
    expect(again.kind).toBe('conflict');
    expect(again.message).toContain('already exists');
    expect((await failure(session.fs.mkdir(root, 'a/b'))).kind).toBe('invalidInput');
    expect((await failure(session.fs.mkdir(root, '..'))).kind).toBe('invalidInput');
    expect((await failure(session.fs.mkdir(`${root}/missing-parent`, 'x'))).kind).toBe('notFound');
  });

  it('resolves symlinks: to a file, to a folder, and broken', async () => {
    const folder = await freshFolder('links');
    await createEmptyFiles(folder, ['target.txt']);
    await session.fs.mkdir(folder, 'target-dir');
    await symlink('target.txt', join(folder, 'to-file'));
    await symlink(join(folder, 'target-dir'), join(folder, 'to-dir'));
    await symlink('nowhere', join(folder, 'dangling'));

    const byName = new Map((await session.fs.list(folder)).entries.map((e) => [e.name, e]));
    expect(byName.get('to-file')).toMatchObject({ kind: 'symlink', linkTarget: 'target.txt', linkTargetKind: 'file', size: 0 });
    expect(byName.get('to-dir')).toMatchObject({ kind: 'symlink', linkTarget: join(folder, 'target-dir'), linkTargetKind: 'folder' });
    expect(byName.get('dangling')).toMatchObject({ kind: 'symlink', linkTarget: 'nowhere', linkTargetKind: 'broken' });
    expect(await session.fs.stat(join(folder, 'to-dir'))).toMatchObject({ kind: 'symlink', linkTargetKind: 'folder' });
  });

  it('reports a missing path as notFound', async () => {
    const error = await failure(session.fs.stat(`${root}/does-not-exist`));
    expect(error.kind).toBe('notFound');
    expect(error.message).toContain(`${root}/does-not-exist`);
    expect((await failure(session.fs.list(`${root}/does-not-exist`))).kind).toBe('notFound');
    expect((await failure(session.fs.list('relative/path'))).kind).toBe('invalidInput');
  });

  it('explains a folder the user may not read, and keeps working after', async () => {
    const folder = await freshFolder('locked');
    await createEmptyFiles(folder, ['secret.txt']);
    await chmod(folder, 0o000);
    try {
      const error = await failure(session.fs.list(folder));
      expect(['permission', 'notFound']).toContain(error.kind);
      expect(error.message).toContain(folder);
      const inside = await failure(session.fs.stat(`${folder}/secret.txt`));
      expect(['permission', 'notFound']).toContain(inside.kind);
      const page = await session.fs.list(session.homePath);
      expect(page.entries.some((entry) => entry.path === root)).toBe(true);
    } finally {
      await chmod(folder, 0o755);
    }
  });

  it('fails clearly once the session is closed', async () => {
    const other = await connect();
    await other.close();
    const error = await failure(other.fs.list(other.homePath));
    expect(error.kind).toBe('network');
  });
});

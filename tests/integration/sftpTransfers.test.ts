import { createHash, randomBytes } from 'node:crypto';
import { chmod, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SftpChannelPool } from '../../electron/core/sftp/sftpChannelPool.js';
import { AppError } from '../../electron/core/errors.js';
import type { TransferContext } from '../../electron/core/fs/remoteFileSystem.js';
import { uploadPartPath, type SftpSession } from '../../electron/core/sftp/index.js';
import { openSftpSession } from '../../electron/core/sftp/openSftpSession.js';
import { startLatencyRelay } from '../support/latencyRelay.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv().sftp;
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const MiB = 1024 * 1024;

function context(onProgress: (bytes: number) => void = () => undefined, signal = new AbortController().signal): TransferContext {
  return { signal, onProgress };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('SFTP transfers against the real sshd', () => {
  let session: SftpSession;
  let root: string;
  let local: Awaited<ReturnType<typeof makeTempDir>>;

  beforeAll(async () => {
    session = await openSftpSession({
      host: env.host,
      port: env.port,
      username: env.username,
      auth: { kind: 'key', keyPath: env.keys.ed25519 },
      hostKey: () => 'accept',
    });
    root = (await session.fs.mkdir(session.homePath, `stowage-transfers-${process.pid}-${Date.now().toString(36)}`)).path;
    local = await makeTempDir('sftp-transfers');
  });
  afterAll(async () => {
    await session?.close();
    if (root) await rm(root, { recursive: true, force: true });
    await local?.remove();
  });

  const names = async (folder: string) => (await session.fs.list(folder)).entries.map((e) => e.name).sort();

  it('moves a large file over a long round trip on several channels (lanes) at once, byte for byte; on a short one, on one', async () => {
    const spy = vi.spyOn(SftpChannelPool.prototype, 'lend');
    // A 40 ms round trip from a loopback relay in front of the same sshd.
    const relay = await startLatencyRelay({ host: env.host, port: env.port }, { oneWayMs: 20 });
    const far = await openSftpSession({ host: '127.0.0.1', port: relay.port, username: env.username, auth: { kind: 'key', keyPath: env.keys.ed25519 }, hostKey: () => 'accept' });
    try {
      const data = randomBytes(72 * MiB);
      const source = join(local.path, 'large.bin');
      const back = join(local.path, 'large.back');
      await writeFile(source, data);
      await far.transfers.upload(source, `${root}/large.bin`, context(() => undefined));
      await far.transfers.download(`${root}/large.bin`, back, context(() => undefined));
      const lent = await Promise.all(spy.mock.results.map(async (r) => ((await r.value) as unknown[]).length));
      expect(lent).toEqual([3, 3]);
      expect(sha(await readFile(back))).toBe(sha(data));
      // Loopback: one channel already outruns the disk, so none is lent.
      spy.mockClear();
      await session.transfers.upload(source, `${root}/near.bin`, context(() => undefined));
      expect(spy).not.toHaveBeenCalled();
      expect(sha(await readFile(back))).toBe(sha(data));
    } finally {
      spy.mockRestore();
      await far.close();
      await relay.close();
      await session.fs.delete([`${root}/large.bin`, `${root}/near.bin`]).catch(() => undefined);
    }
  });

  it('uploads and downloads 20 MiB of random data byte for byte', async () => {
    const data = randomBytes(20 * MiB);
    const source = join(local.path, 'random.bin');
    const back = join(local.path, 'random.back');
    await writeFile(source, data);
    const remote = `${root}/random.bin`;

    const upProgress: number[] = [];
    let started = performance.now();
    await session.transfers.upload(source, remote, context((n) => upProgress.push(n)));
    const upMs = performance.now() - started;

    expect(await session.fs.stat(remote)).toMatchObject({ kind: 'file', size: data.length });
    expect(await names(root)).toEqual(['random.bin']);
    expect(upProgress.at(-1)).toBe(data.length);
    expect(upProgress.every((n, i) => i === 0 || n > upProgress[i - 1]!)).toBe(true);

    const downProgress: number[] = [];
    started = performance.now();
    await session.transfers.download(remote, back, context((n) => downProgress.push(n)));
    const downMs = performance.now() - started;

    expect(sha(await readFile(back))).toBe(sha(data));
    expect(downProgress.at(-1)).toBe(data.length);
    const rate = (ms: number) => (20 / (ms / 1000)).toFixed(0);
    console.log(`20 MiB: upload ${upMs.toFixed(0)} ms (${rate(upMs)} MiB/s), download ${downMs.toFixed(0)} ms (${rate(downMs)} MiB/s)`);
  });

  it('moves an empty file', async () => {
    const source = join(local.path, 'empty');
    await writeFile(source, '');
    await session.transfers.upload(source, `${root}/empty`, context());
    expect(await session.fs.stat(`${root}/empty`)).toMatchObject({ kind: 'file', size: 0 });
    const back = join(local.path, 'empty.back');
    await writeFile(back, 'old content that must go');
    await session.transfers.download(`${root}/empty`, back, context());
    expect((await stat(back)).size).toBe(0);
  });

  it('moves files with odd names both ways', async () => {
    const folder = (await session.fs.mkdir(root, 'odd names')).path;
    const odd = ['with space.txt', 'ünïcødé-文件-🚀.txt', '-leading-dash', 'new\nline'];
    for (const [i, name] of odd.entries()) {
      const source = join(local.path, `odd-${i}`);
      await writeFile(source, `content of ${name}`);
      await session.transfers.upload(source, `${folder}/${name}`, context());
    }
    expect(await names(folder)).toEqual([...odd].sort());
    for (const [i, name] of odd.entries()) {
      const back = join(local.path, `odd-${i}.back`);
      await session.transfers.download(`${folder}/${name}`, back, context());
      expect(await readFile(back, 'utf8')).toBe(`content of ${name}`);
    }
  });

  it('replaces an existing file atomically and keeps its permissions', async () => {
    const remote = `${root}/replace.txt`;
    const source = join(local.path, 'replace-1');
    await writeFile(source, 'first version');
    await session.transfers.upload(source, remote, context());
    await chmod(remote, 0o640);
    await writeFile(source, 'second, longer version');
    await session.transfers.upload(source, remote, context());
    const entry = await session.fs.stat(remote);
    expect(entry).toMatchObject({ size: 'second, longer version'.length, permissions: 0o640 });
    expect(await readFile(remote, 'utf8')).toBe('second, longer version');
    expect((await names(root)).filter((n) => n.endsWith('.stowage-part'))).toEqual([]);
  });

  it('writes uploads to a hidden .stowage-part name first', () => {
    expect(uploadPartPath('/home/u/report.pdf')).toBe('/home/u/.report.pdf.stowage-part');
    expect(uploadPartPath('/top.txt')).toBe('/.top.txt.stowage-part');
  });

  it('reports a missing remote file, a missing local file and a forbidden folder', async () => {
    const missing = await failure(session.transfers.download(`${root}/nope.bin`, join(local.path, 'nope'), context()));
    expect(missing.kind).toBe('notFound');
    expect(missing.message).toContain(`${root}/nope.bin`);

    const noLocal = await failure(session.transfers.upload(join(local.path, 'absent'), `${root}/absent`, context()));
    expect(noLocal.kind).toBe('notFound');

    const locked = (await session.fs.mkdir(root, 'locked')).path;
    await chmod(locked, 0o555);
    try {
      const source = join(local.path, 'small');
      await writeFile(source, 'x');
      const denied = await failure(session.transfers.upload(source, `${locked}/small`, context()));
      expect(denied.kind).toBe('permission');
    } finally {
      await chmod(locked, 0o755);
    }
    expect(await names(locked)).toEqual([]);
  });

  it('cancels a download midway with kind cancelled, and the session goes on', async () => {
    const size = 64 * MiB;
    const source = join(local.path, 'big.bin');
    await writeFile(source, randomBytes(size));
    await session.transfers.upload(source, `${root}/big.bin`, context());

    const controller = new AbortController();
    let seen = 0;
    const started = Date.now();
    const error = await failure(
      session.transfers.download(
        `${root}/big.bin`,
        join(local.path, 'big.back'),
        context((n) => {
          seen = n;
          if (!controller.signal.aborted) controller.abort();
        }, controller.signal),
      ),
    );
    expect(error.kind).toBe('cancelled');
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(size);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await names(root)).toContain('big.bin');
  });

  it('cancels an upload midway and leaves no part file behind', async () => {
    const size = 64 * MiB;
    const source = join(local.path, 'big-up.bin');
    await writeFile(source, randomBytes(size));
    const controller = new AbortController();
    const error = await failure(
      session.transfers.upload(
        source,
        `${root}/big-up.bin`,
        context(() => controller.abort(), controller.signal),
      ),
    );
    expect(error.kind).toBe('cancelled');
    const left = await names(root);
    expect(left).not.toContain('big-up.bin');
    expect(left).not.toContain('.big-up.bin.stowage-part');
  });

  it('refuses to start a transfer already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(session.transfers.download(`${root}/big.bin`, join(local.path, 'x'), context(undefined, controller.signal)));
    expect(error.kind).toBe('cancelled');
  });

  it('resumes an upload from the bytes already in its part file', async () => {
    const data = randomBytes(3 * MiB + 123);
    const half = 1 * MiB + 7;
    const source = join(local.path, 'resume-up.bin');
    await writeFile(source, data);
    // Put a part file holding `half` bytes that differ from the source: a real resume keeps them.
    const stale = Buffer.alloc(half, 0x5a);
    const staleFile = join(local.path, 'stale');
    await writeFile(staleFile, stale);
    await session.transfers.upload(staleFile, uploadPartPath(`${root}/resume.bin`), context());

    const progress: number[] = [];
    await session.transfers.upload(source, `${root}/resume.bin`, context((n) => progress.push(n)), { resumeFrom: half });
    expect(progress[0]).toBeGreaterThan(half);
    const result = await readFile(`${root}/resume.bin`);
    expect(result.length).toBe(data.length);
    expect(sha(result)).toBe(sha(Buffer.concat([stale, data.subarray(half)])));
  });

  it('resumes a download into the local file from an offset', async () => {
    const data = randomBytes(2 * MiB + 5);
    const source = join(local.path, 'resume-down.src');
    await writeFile(source, data);
    await session.transfers.upload(source, `${root}/resume-down.bin`, context());
    const target = join(local.path, 'resume-down.part');
    const kept = Buffer.alloc(MiB, 0x33);
    await writeFile(target, kept);
    await session.transfers.download(`${root}/resume-down.bin`, target, context(), { resumeFrom: MiB });
    expect(sha(await readFile(target))).toBe(sha(Buffer.concat([kept, data.subarray(MiB)])));
  });

  it('runs several transfers and a listing at once', async () => {
    const files = await Promise.all(
      [0, 1, 2, 3].map(async (i) => {
        const data = randomBytes(4 * MiB + i);
        const source = join(local.path, `parallel-${i}`);
        await writeFile(source, data);
        return { data, source, remote: `${root}/parallel-${i}` };
      }),
    );
    const [listing] = await Promise.all([
      session.fs.list(root),
      ...files.map((f) => session.transfers.upload(f.source, f.remote, context())),
    ]);
    expect(listing.entries.length).toBeGreaterThan(0);
    await Promise.all(files.map((f) => session.transfers.download(f.remote, `${f.source}.back`, context())));
    for (const f of files) expect(sha(await readFile(`${f.source}.back`))).toBe(sha(f.data));
  });
});

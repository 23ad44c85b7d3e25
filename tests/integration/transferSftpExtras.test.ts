import { randomBytes } from 'node:crypto';
import { detailText } from '../../shared/transfers.js';
import { chmod, chown, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/createCore.js';
import type { ResilientSftpSession } from '../../electron/core/sftp/resilientSession.js';
import type { SftpFaultHook } from '../../electron/core/sftp/sftpTransferDriver.js';
import { coreClient } from '../support/coreClient.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { coreOn, MiB, sha256File, waitFor } from './transferSupport.js';

const env = readTestbedEnv().sftp;
const done = (x: { state: string }) => x.state === 'completed' || x.state === 'failed';

/** A fault hook that fails one chunk with a bare SFTP FAILURE while several are in flight, like a server that mishandles parallel requests. */
function refuseParallelOnce(after: number): { hook: SftpFaultHook; seen: { parallelFailed: boolean; sequentialChunks: number } } {
  const seen = { parallelFailed: false, sequentialChunks: 0 };
  const hook: SftpFaultHook = ({ position, concurrency }) => {
    if (concurrency === 1) seen.sequentialChunks++;
    else if (!seen.parallelFailed && position >= after) {
      seen.parallelFailed = true;
      throw Object.assign(new Error('Failure'), { code: 4 });
    }
  };
  return { hook, seen };
}

describe('SFTP transfer extras against the real sshd', () => {
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let call: ReturnType<typeof coreClient>;
  let id: string;
  let folder: string;

  /** A new connection tries parallel requests again (the refusal is remembered per connection). */
  const reconnect = async () => {
    await call('connections:disconnect', { id });
    let outcome = await call('connections:connect', { id });
    if (outcome.state === 'hostKeyPrompt') outcome = await call('connections:answerHostKey', { promptId: outcome.prompt.promptId, decision: 'trustOnce' });
    expect(outcome.state).toBe('connected');
  };
  const driver = async () => (await (core.sessions.get(id) as ResilientSftpSession).live()).transfers;

  beforeAll(async () => {
    work = await makeTempDir('xfer-sftp-extras');
    core = await coreOn(join(work.path, 'data'), work.path);
    call = coreClient(core);
    const saved = await call('connections:save', {
      draft: { protocol: 'sftp', name: 'sshd', host: env.host, port: env.port, username: env.username, rememberSecret: false, auth: { kind: 'key', keyPath: env.keys.ed25519 } },
    });
    let outcome = await call('connections:connect', { id: saved.id });
    if (outcome.state === 'hostKeyPrompt') outcome = await call('connections:answerHostKey', { promptId: outcome.prompt.promptId, decision: 'trustOnce' });
    expect(outcome.state).toBe('connected');
    id = saved.id;
    folder = (await call('fs:mkdir', { connectionId: id, parentPath: env.home, name: `xfer-extra-${process.pid}-${Date.now().toString(36)}` })).path;
    await call('transfers:setSettings', { changes: { conflictPolicy: 'overwrite' } });
  });
  afterAll(async () => {
    await core.shutdown();
    await rm(folder, { recursive: true, force: true });
    await work.remove();
  });

  it('an upload refused in parallel is sent again sequentially, and says so', async () => {
    const file = join(work.path, 'seq-up.bin');
    await writeFile(file, randomBytes(6 * MiB + 123));
    const { hook, seen } = refuseParallelOnce(2 * MiB);
    (await driver()).injectFault = hook;
    try {
      const [t] = await call('transfers:upload', { connectionId: id, localPaths: [file], remoteFolder: folder });
      const end = await waitFor(core, t!.id, done);
      expect(end.error).toBeUndefined();
      expect(end.state).toBe('completed');
      expect(detailText(end)).toBe('Server refused parallel requests; sent sequentially.');
      expect(seen.parallelFailed).toBe(true);
      expect(seen.sequentialChunks).toBeGreaterThan(0);
      expect(await sha256File(join(folder, 'seq-up.bin'))).toBe(await sha256File(file));

      // The connection remembers: the next transfer goes sequentially from the start.
      let parallelChunks = 0;
      (await driver()).injectFault = ({ concurrency }) => {
        if (concurrency > 1) parallelChunks++;
      };
      const [next] = await call('transfers:upload', { connectionId: id, localPaths: [file], remoteFolder: folder });
      const second = await waitFor(core, next!.id, done);
      expect(second.state).toBe('completed');
      expect(detailText(second)).toBe('Server refused parallel requests; sent sequentially.');
      expect(parallelChunks).toBe(0);
    } finally {
      (await driver()).injectFault = undefined;
    }
    await reconnect();
  });

  it('a download refused in parallel is fetched again sequentially into the .part and verified', async () => {
    const source = join(folder, 'seq-down.bin');
    await writeFile(source, randomBytes(5 * MiB + 7));
    const into = join(work.path, 'down-seq');
    await mkdir(into);
    const { hook, seen } = refuseParallelOnce(MiB);
    (await driver()).injectFault = hook;
    try {
      const [t] = await call('transfers:download', { connectionId: id, remotePaths: [source], localFolder: into });
      const end = await waitFor(core, t!.id, done);
      expect(end.error).toBeUndefined();
      // Both notes of the attempt: how it was sent, and how the download was checked.
      expect(detailText(end)).toBe('Server refused parallel requests; sent sequentially. Downloaded and its size checked; not verified by checksum, since SFTP servers offer none.');
      expect(seen.parallelFailed).toBe(true);
      expect(seen.sequentialChunks).toBeGreaterThan(0);
      expect(await sha256File(join(into, 'seq-down.bin'))).toBe(await sha256File(source));
    } finally {
      (await driver()).injectFault = undefined;
    }
    await reconnect();
  });

  it('errors with a clear meaning are not mistaken for a parallel refusal', async () => {
    const file = join(work.path, 'denied.bin');
    await writeFile(file, randomBytes(2 * MiB));
    let sequential = 0;
    (await driver()).injectFault = ({ concurrency }) => {
      if (concurrency === 1) sequential++;
      throw Object.assign(new Error('Permission denied'), { code: 3 });
    };
    try {
      const [t] = await call('transfers:upload', { connectionId: id, localPaths: [file], remoteFolder: folder });
      const end = await waitFor(core, t!.id, done);
      expect(end.state).toBe('failed');
      expect(end.error?.kind).toBe('permission');
      expect(sequential).toBe(0);
    } finally {
      (await driver()).injectFault = undefined;
    }
  });

  it('preserves permissions on upload and download when asked, and not otherwise', async () => {
    const file = join(work.path, 'script.sh');
    await writeFile(file, '#!/bin/sh\necho hi\n');
    await chmod(file, 0o751);
    await call('transfers:setSettings', { changes: { preservePermissions: true } });
    try {
      const [up] = await call('transfers:upload', { connectionId: id, localPaths: [file], remoteFolder: folder });
      expect((await waitFor(core, up!.id, done)).state).toBe('completed');
      // The test sshd serves this machine's file system.
      expect((await stat(join(folder, 'script.sh'))).mode & 0o7777).toBe(0o751);

      const remote = join(folder, 'secret.txt');
      await writeFile(remote, 'only me');
      // Owned by the SFTP user (like the folder), so the server may read it at 0600.
      const owner = await stat(folder);
      await chown(remote, owner.uid, owner.gid);
      await chmod(remote, 0o600);
      const into = join(work.path, 'down-mode');
      await mkdir(into);
      const [down] = await call('transfers:download', { connectionId: id, remotePaths: [remote], localFolder: into });
      expect((await waitFor(core, down!.id, done)).state).toBe('completed');
      expect((await stat(join(into, 'secret.txt'))).mode & 0o7777).toBe(0o600);
    } finally {
      await call('transfers:setSettings', { changes: { preservePermissions: false } });
    }
    const plain = join(work.path, 'plain.sh');
    await writeFile(plain, 'x');
    await chmod(plain, 0o700);
    const [again] = await call('transfers:upload', { connectionId: id, localPaths: [plain], remoteFolder: folder });
    expect((await waitFor(core, again!.id, done)).state).toBe('completed');
    expect((await stat(join(folder, 'plain.sh'))).mode & 0o7777).not.toBe(0o700);
  });
});

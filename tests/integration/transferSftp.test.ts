import { randomBytes } from 'node:crypto';
import { detailText } from '../../shared/transfers.js';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/createCore.js';
import { coreClient } from '../support/coreClient.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { coreOn, MiB, sha256File, waitFor } from './transferSupport.js';

const env = readTestbedEnv().sftp;

describe('SFTP through the transfer queue, against the real sshd', () => {
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let call: ReturnType<typeof coreClient>;
  let id: string;
  let folder: string;
  let file: string;

  beforeAll(async () => {
    work = await makeTempDir('xfer-sftp');
    core = await coreOn(join(work.path, 'data'), work.path);
    call = coreClient(core);
    const saved = await call('connections:save', {
      draft: { protocol: 'sftp', name: 'sshd', host: env.host, port: env.port, username: env.username, rememberSecret: false, auth: { kind: 'key', keyPath: env.keys.ed25519 } },
    });
    let outcome = await call('connections:connect', { id: saved.id });
    if (outcome.state === 'hostKeyPrompt') outcome = await call('connections:answerHostKey', { promptId: outcome.prompt.promptId, decision: 'trustOnce' });
    expect(outcome.state).toBe('connected');
    id = saved.id;
    folder = (await call('fs:mkdir', { connectionId: id, parentPath: env.home, name: `xfer-${process.pid}-${Date.now().toString(36)}` })).path;
    file = join(work.path, 'data.bin');
    await writeFile(file, randomBytes(24 * MiB + 77));
    await call('transfers:setSettings', { changes: { conflictPolicy: 'overwrite' } });
  });
  afterAll(async () => {
    await core.shutdown();
    await rm(folder, { recursive: true, force: true });
    await work.remove();
  });

  it('pauses an upload, keeps the part on the server, and resumes from the checkpointed offset', async () => {
    await call('transfers:setSettings', { changes: { uploadLimit: 8 * MiB } });
    const [t] = await call('transfers:upload', { connectionId: id, localPaths: [file], remoteFolder: folder });
    await waitFor(core, t!.id, (x) => x.bytesDone >= 6 * MiB);
    await call('transfers:pause', { ids: [t!.id] });
    // The test sshd serves this machine's file system, so the server's folder is readable here.
    expect(await readdir(folder)).toEqual(['.data.bin.stowage-part']);
    await call('transfers:setSettings', { changes: { uploadLimit: 0 } });
    await call('transfers:resume', { ids: [t!.id] });
    const done = await waitFor(core, t!.id, (x) => x.state === 'completed' || x.state === 'failed');
    expect(done.error).toBeUndefined();
    expect(detailText(done)).toMatch(/Resumed at byte [1-9]/);
    expect(await readdir(folder)).toEqual(['data.bin']);
    expect(await sha256File(join(folder, 'data.bin'))).toBe(await sha256File(file));
  });

  it('pauses a download and resumes it into the .part', async () => {
    const into = join(work.path, 'down');
    await mkdir(into);
    await call('transfers:setSettings', { changes: { downloadLimit: 8 * MiB } });
    const [t] = await call('transfers:download', { connectionId: id, remotePaths: [join(folder, 'data.bin')], localFolder: into });
    await waitFor(core, t!.id, (x) => x.bytesDone >= 6 * MiB);
    await call('transfers:pause', { ids: [t!.id] });
    expect(await readdir(into)).toEqual(['data.bin.part']);
    await call('transfers:setSettings', { changes: { downloadLimit: 0 } });
    await call('transfers:resume', { ids: [t!.id] });
    const done = await waitFor(core, t!.id, (x) => x.state === 'completed' || x.state === 'failed');
    expect(done.error).toBeUndefined();
    expect(detailText(done)).toMatch(/Resumed at byte [1-9]/);
    expect(await sha256File(join(into, 'data.bin'))).toBe(await sha256File(file));
  });

  it('cancel removes the partial upload from the server', async () => {
    await call('transfers:setSettings', { changes: { uploadLimit: 8 * MiB } });
    const [t] = await call('transfers:upload', { connectionId: id, localPaths: [file], remoteFolder: folder, options: {} });
    await waitFor(core, t!.id, (x) => x.bytesDone >= 4 * MiB);
    await call('transfers:pause', { ids: [t!.id] });
    await call('transfers:cancel', { ids: [t!.id] });
    await call('transfers:setSettings', { changes: { uploadLimit: 0 } });
    expect(await readdir(folder)).toEqual(['data.bin']);
  });
});

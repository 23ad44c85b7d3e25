import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SftpConnectionDraft } from '../../shared/connections.js';
import type { IpcError } from '../../shared/errors.js';
import { detailText, type TransferSnapshot } from '../../shared/transfers.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { PrivateSshd } from '../support/privateSshd.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv().sftp;
const fingerprintOf = (pubPath: string) => execFileSync('ssh-keygen', ['-lf', pubPath], { encoding: 'utf8' }).split(' ')[1]!;

function draft(extra: Partial<SftpConnectionDraft> = {}): SftpConnectionDraft {
  return {
    protocol: 'sftp',
    name: 'Test sshd',
    host: env.host,
    port: env.port,
    username: env.username,
    auth: { kind: 'password', password: env.password },
    rememberSecret: true,
    ...extra,
  };
}

describe('SFTP through the core with an sshd of its own: jump host, dropped connections', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let lost: { connectionId: string; error: IpcError }[];
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    h = await startHeadlessCore();
    call = coreClient(h.core);
    lost = [];
    h.core.events.subscribe((channel, payload) => {
      if (channel === 'connections:lost') lost.push(payload as (typeof lost)[number]);
    });
  });
  afterEach(async () => {
    await h.dispose();
  });

  /** Saves, connects, answers "trust and save" to every host key asked about; the prompts seen. */
  async function connectTrusting(d: SftpConnectionDraft) {
    const saved = await call('connections:save', { draft: d });
    const prompts = [];
    let outcome = await call('connections:connect', { id: saved.id });
    while (outcome.state === 'hostKeyPrompt') {
      prompts.push(outcome.prompt);
      outcome = await call('connections:answerHostKey', { promptId: outcome.prompt.promptId, decision: 'trustAndSave' });
    }
    if (outcome.state !== 'connected') throw new Error(`unexpected outcome ${outcome.state}`);
    return { id: saved.id, outcome, prompts };
  }

  // A dropped link whose socket the client never sees close is found by keepalive
  // (15 s x 3), so waits allow for that before the retry runs.
  async function waitForTransfer(id: string, test: (t: TransferSnapshot) => boolean): Promise<TransferSnapshot> {
    for (const until = Date.now() + 100_000; ; ) {
      const t = (await call('transfers:list', {})).find((x) => x.id === id);
      if (t && test(t)) return t;
      if (Date.now() > until) throw new Error(`transfer never got there: ${JSON.stringify(t)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let sshd: PrivateSshd;
  beforeAll(async () => {
    temp = await makeTempDir('sftp-resilience');
    dir = await makeTempDir('sftp-own-sshd');
    sshd = await PrivateSshd.start(dir.path);
  });
  afterAll(async () => {
    await sshd?.stop();
    await dir.remove();
    await temp.remove();
  });

  it('connects through a jump host (ProxyJump), checking both host keys', async () => {
    const { id, prompts } = await connectTrusting(
      draft({ name: 'via bastion', proxyJump: `${env.username}@127.0.0.1:${sshd.port}` }),
    );
    expect(prompts.map((p) => [p.port, p.fingerprintSha256])).toEqual([
      [sshd.port, fingerprintOf(sshd.hostKeyPub)],
      [env.port, fingerprintOf(env.hostKeyPub)],
    ]);
    expect((await call('fs:stat', { connectionId: id, path: env.home })).kind).toBe('folder');
    // The bastion was logged into, and the session lives inside its connection: dropping
    // the bastion's connections drops the session, which then reconnects through it again.
    const logins = async () => (await readFile(join(dir.path, 'sshd.log'), 'utf8')).split(`Accepted password for ${env.username}`).length - 1;
    const before = await logins();
    expect(before).toBeGreaterThan(0);
    expect(sshd.dropConnections()).toBeGreaterThan(0);
    expect((await call('fs:stat', { connectionId: id, path: env.home })).kind).toBe('folder');
    expect(await logins()).toBe(before + 1);
  });

  it('reconnects when the server drops the connection, and browsing goes on', async () => {
    const { id } = await connectTrusting(draft({ name: 'droppy', port: sshd.port }));
    const folder = await call('fs:mkdir', { connectionId: id, parentPath: env.home, name: `stowage-drop-${Date.now()}` });
    expect(sshd.dropConnections()).toBeGreaterThan(0);
    // The very next listing works: the session logs in again (same host key) and retries.
    const page = await call('fs:list', { connectionId: id, path: env.home });
    expect(page.entries.some((e) => e.path === folder.path)).toBe(true);
    expect(lost).toEqual([]);
    await call('fs:delete', { connectionId: id, paths: [folder.path] });
  });

  it('finishes an upload cut off by a dropped connection: retried on the new connection', async () => {
    const { id } = await connectTrusting(draft({ name: 'upload-drop', port: sshd.port }));
    const folder = await call('fs:mkdir', { connectionId: id, parentPath: env.home, name: `stowage-updrop-${Date.now()}` });
    const local = join(temp.path, `big-${Date.now()}.bin`);
    const data = randomBytes(24 * 1024 * 1024);
    await writeFile(local, data);
    await call('transfers:setSettings', { changes: { uploadLimit: 6 * 1024 * 1024 } });
    try {
      const [t] = await call('transfers:upload', { connectionId: id, localPaths: [local], remoteFolder: folder.path });
      await waitForTransfer(t!.id, (x) => x.bytesDone >= 6 * 1024 * 1024);
      expect(sshd.dropConnections()).toBeGreaterThan(0);
      await call('transfers:setSettings', { changes: { uploadLimit: 0 } });
      const done = await waitForTransfer(t!.id, (x) => x.state === 'completed' || x.state === 'failed');
      expect(done.error).toBeUndefined();
      expect(done.state).toBe('completed');
      // The transfer queue retried it, and that attempt ran on the session's new connection.
      expect(detailText(done)).toMatch(/after 1 automatic retry/);
      expect(createHash('sha256').update(await readFile(join(folder.path, basename(local)))).digest('hex')).toBe(
        createHash('sha256').update(data).digest('hex'),
      );
      expect(lost).toEqual([]);
    } finally {
      await call('transfers:setSettings', { changes: { uploadLimit: 0 } });
      await call('fs:delete', { connectionId: id, paths: [folder.path] }).catch(() => undefined);
    }
  }, 150_000);

  it('says the connection is lost when the server is gone for good', async () => {
    const { id } = await connectTrusting(draft({ name: 'gone', port: sshd.port }));
    await sshd.stop();
    try {
      const error = await failureOf(call('fs:list', { connectionId: id, path: env.home }));
      expect(error.kind).toBe('network');
      expect(lost).toEqual([{ connectionId: id, error: expect.objectContaining({ kind: 'network' }) }]);
    } finally {
      await sshd.run();
    }
  });
});

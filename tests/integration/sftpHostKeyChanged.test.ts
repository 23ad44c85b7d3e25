import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HostKeyPrompt, SftpConnectionDraft } from '../../shared/connections.js';
import type { IpcError } from '../../shared/errors.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { PrivateSshd } from '../support/privateSshd.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv().sftp;
const fingerprintOf = (pubPath: string) => execFileSync('ssh-keygen', ['-lf', pubPath], { encoding: 'utf8' }).split(' ')[1]!;
/** The two phrasings a changed key must never get. */
const wrongWords = /expired|not trusted yet/;

function draft(port = env.port): SftpConnectionDraft {
  return {
    protocol: 'sftp',
    name: 'Test sshd',
    host: env.host,
    port,
    username: env.username,
    auth: { kind: 'password', password: env.password },
    rememberSecret: false,
  };
}

/** A fresh ed25519 key pair in `dir`; its public line (`type base64`) and fingerprint. */
function otherKey(dir: string): { line: string; fingerprint: string } {
  const path = join(dir, `other-${Math.random().toString(36).slice(2)}`);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path]);
  return { line: execFileSync('cat', [`${path}.pub`], { encoding: 'utf8' }).split(' ').slice(0, 2).join(' '), fingerprint: fingerprintOf(`${path}.pub`) };
}

describe('a changed SFTP host key is refused with a sentence that says what changed, against the real sshd', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let lost: { connectionId: string; error: IpcError }[];
  let temp: Awaited<ReturnType<typeof makeTempDir>>;

  beforeAll(async () => {
    temp = await makeTempDir('sftp-key-changed');
  });
  afterAll(async () => {
    await temp.remove();
  });
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

  async function refusedPrompt(id: string): Promise<HostKeyPrompt> {
    const outcome = await call('connections:connect', { id });
    if (outcome.state !== 'hostKeyPrompt') throw new Error(`expected a refusal, got ${outcome.state}`);
    return outcome.prompt;
  }

  it('names the saved and the presented key, says it may be an attack, and how to remove the old entry from ~/.ssh/known_hosts', async () => {
    const saved = otherKey(temp.path);
    const userFile = join(h.homeDir, '.ssh', 'known_hosts');
    await mkdir(join(h.homeDir, '.ssh'), { recursive: true });
    await writeFile(userFile, `[${env.host}]:${env.port} ${saved.line}\n`);
    const { id } = await call('connections:save', { draft: draft() });

    const prompt = await refusedPrompt(id);
    const removal = `ssh-keygen -R "[${env.host}]:${env.port}" -f "${userFile}"`;
    expect(prompt).toMatchObject({ changedFrom: saved.fingerprint, fingerprintSha256: fingerprintOf(env.hostKeyPub) });
    expect(prompt.refusal).toBe(
      `The host key of ${env.host}:${env.port} has changed from ssh-ed25519 ${saved.fingerprint} (the key saved for it) ` +
        `to ssh-ed25519 ${fingerprintOf(env.hostKeyPub)} (the key the server shows now). This may be an attack: someone ` +
        `between you and the server may be pretending to be it, so Stowage did not connect. If the change is expected ` +
        `(the server was rebuilt or given new keys), check the new fingerprint with the server's administrator, then ` +
        `remove the old entry with this command and connect again: ${removal}`,
    );
    expect(prompt.removalCommand).toBe(removal);

    // Any answer to the refusal gets the same sentence back, never "expired".
    const trusted = await failureOf(call('connections:answerHostKey', { promptId: prompt.promptId, decision: 'trustAndSave' }));
    expect(trusted).toEqual({ kind: 'auth', message: prompt.refusal, code: 'coreSftp:login.hostKeyChanged', params: prompt.refusalParams });
    const again = await refusedPrompt(id);
    expect(await failureOf(call('connections:answerHostKey', { promptId: again.promptId, decision: 'reject' }))).toEqual({
      kind: 'cancelled',
      message: again.refusal,
      code: again.refusalCode,
      params: again.refusalParams,
    });
    expect(prompt.refusal).not.toMatch(wrongWords);
    await expect(readFile(join(h.dataDir, 'known_hosts'))).rejects.toThrow(/ENOENT/);

    // The hint works: after the command the server is simply unknown, and asked about.
    execFileSync('sh', ['-c', removal], { stdio: 'ignore' });
    const fresh = await refusedPrompt(id);
    expect(fresh.changedFrom).toBeUndefined();
    expect(fresh.refusal).toBeUndefined();
    expect(await call('connections:answerHostKey', { promptId: fresh.promptId, decision: 'trustOnce' })).toMatchObject({ state: 'connected' });
  });

  it('points at Stowage’s own known_hosts when that is where the old key is', async () => {
    const saved = otherKey(temp.path);
    const storeFile = join(h.dataDir, 'known_hosts');
    await writeFile(storeFile, `[${env.host}]:${env.port} ${saved.line}\n`);
    const { id } = await call('connections:save', { draft: draft() });
    const prompt = await refusedPrompt(id);
    expect(prompt.refusal).toContain(`has changed from ssh-ed25519 ${saved.fingerprint} (the key saved for it)`);
    expect(prompt.refusal).toContain(`ssh-keygen -R "[${env.host}]:${env.port}" -f "${storeFile}"`);
  });

  it('says a key marked @revoked is refused, and where the mark is', async () => {
    const userFile = join(h.homeDir, '.ssh', 'known_hosts');
    await mkdir(join(h.homeDir, '.ssh'), { recursive: true });
    const presented = (await readFile(env.hostKeyPub, 'utf8')).split(' ').slice(0, 2).join(' ');
    await writeFile(userFile, `[${env.host}]:${env.port} ${presented}\n@revoked * ${presented}\n`);
    const { id } = await call('connections:save', { draft: draft() });
    const prompt = await refusedPrompt(id);
    expect(prompt.refusal).toBe(
      `The host key of ${env.host}:${env.port} (ssh-ed25519 ${fingerprintOf(env.hostKeyPub)}) is marked @revoked in ${userFile}: ` +
        `it must not be trusted any more, so Stowage did not connect. Ask the server's administrator for its current key; ` +
        `if the mark is a mistake, delete that @revoked line from the file.`,
    );
    expect(prompt.removalCommand).toBeUndefined();
    expect(await failureOf(call('connections:answerHostKey', { promptId: prompt.promptId, decision: 'trustOnce' }))).toEqual({
      kind: 'auth',
      message: prompt.refusal,
      code: 'coreSftp:login.hostKeyRevoked',
      params: prompt.refusalParams,
    });
  });

  it('says the same when a live session reconnects to a rebuilt server (a new host key), never "not trusted yet"', async () => {
    const dir = await makeTempDir('sftp-rebuilt');
    const sshd = await PrivateSshd.start(dir.path);
    try {
      const { id } = await call('connections:save', { draft: draft(sshd.port) });
      const first = await refusedPrompt(id);
      expect(first.changedFrom).toBeUndefined();
      const before = fingerprintOf(sshd.hostKeyPub);
      expect(await call('connections:answerHostKey', { promptId: first.promptId, decision: 'trustAndSave' })).toMatchObject({ state: 'connected' });

      // The server is rebuilt: it comes back on the same address with a new host key.
      await sshd.stop();
      await rm(join(dir.path, 'host_ed25519'));
      await rm(sshd.hostKeyPub);
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir.path, 'host_ed25519')]);
      await sshd.run();
      const after = fingerprintOf(sshd.hostKeyPub);

      const failure = await failureOf(call('fs:list', { connectionId: id, path: env.home }));
      expect(failure.kind).toBe('auth');
      expect(failure.message).toContain(`has changed from ssh-ed25519 ${before} (the key saved for it) to ssh-ed25519 ${after}`);
      expect(failure.message).toContain('This may be an attack');
      expect(failure.message).toContain(`ssh-keygen -R "[${env.host}]:${sshd.port}" -f "${join(h.dataDir, 'known_hosts')}"`);
      expect(failure.message).not.toMatch(wrongWords);
      expect(lost).toEqual([{ connectionId: id, error: failure }]);
    } finally {
      await sshd.stop();
      await dir.remove();
    }
  });
});

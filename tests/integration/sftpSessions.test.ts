import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { englishMessage } from '../../shared/i18n/englishMessages.js';
import type { SftpConnectionDraft } from '../../shared/connections.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
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

describe('SFTP sessions through the core (dispatch, like the renderer)', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let agent: ChildProcess | undefined;
  let agentSocket: string;

  beforeAll(async () => {
    temp = await makeTempDir('sftp-sessions');
    agentSocket = join(temp.path, 'agent.sock');
    agent = spawn('ssh-agent', ['-D', '-a', agentSocket], { stdio: 'ignore' });
    for (let i = 0; ; i++) {
      try {
        execFileSync('ssh-add', [env.keys.rsaPem], { env: { ...process.env, SSH_AUTH_SOCK: agentSocket }, stdio: 'ignore' });
        break;
      } catch (error) {
        if (i > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
  afterAll(async () => {
    agent?.kill();
    await temp.remove();
  });
  beforeEach(async () => {
    h = await startHeadlessCore({ env: { ...process.env, SSH_AUTH_SOCK: agentSocket } });
    call = coreClient(h.core);
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

  it('asks about an unknown host key with its type and SHA256 fingerprint; trust-and-save is remembered', async () => {
    const saved = await call('connections:save', { draft: draft() });
    const first = await call('connections:connect', { id: saved.id });
    expect(first).toMatchObject({
      state: 'hostKeyPrompt',
      prompt: { host: env.host, port: env.port, keyType: 'ssh-ed25519', fingerprintSha256: fingerprintOf(env.hostKeyPub) },
    });
    if (first.state !== 'hostKeyPrompt') return;
    expect(first.prompt.changedFrom).toBeUndefined();
    const connected = await call('connections:answerHostKey', { promptId: first.prompt.promptId, decision: 'trustAndSave' });
    expect(connected).toMatchObject({ state: 'connected', homePath: env.home });
    const saveLine = (await readFile(join(h.dataDir, 'known_hosts'), 'utf8')).trim();
    expect(saveLine).toBe(`[${env.host}]:${env.port} ${(await readFile(env.hostKeyPub, 'utf8')).split(' ').slice(0, 2).join(' ')}`);

    await call('connections:disconnect', { id: saved.id });
    expect(await call('connections:connect', { id: saved.id })).toMatchObject({ state: 'connected' });
    // The answer is used once only.
    expect((await failureOf(call('connections:answerHostKey', { promptId: first.prompt.promptId, decision: 'trustOnce' }))).kind).toBe(
      'notFound',
    );
  });

  it('trust once connects without saving; the next connection asks again', async () => {
    const saved = await call('connections:save', { draft: draft() });
    const first = await call('connections:connect', { id: saved.id });
    if (first.state !== 'hostKeyPrompt') throw new Error('expected a prompt');
    expect(await call('connections:answerHostKey', { promptId: first.prompt.promptId, decision: 'trustOnce' })).toMatchObject({
      state: 'connected',
    });
    const list = await call('fs:list', { connectionId: saved.id, path: env.home });
    expect(Array.isArray(list.entries)).toBe(true);
    await call('connections:disconnect', { id: saved.id });
    expect((await call('connections:connect', { id: saved.id })).state).toBe('hostKeyPrompt');
    const rejected = await failureOf(call('connections:answerHostKey', { promptId: first.prompt.promptId, decision: 'reject' }));
    expect(rejected.kind).toBe('notFound');
  });

  it('refuses a changed host key loudly, with both fingerprints, and offers no way to accept it', async () => {
    const other = join(temp.path, `other-${Date.now()}`);
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
    const otherKey = (await readFile(`${other}.pub`, 'utf8')).split(' ').slice(0, 2).join(' ');
    await mkdir(join(h.homeDir, '.ssh'), { recursive: true });
    await writeFile(join(h.homeDir, '.ssh', 'known_hosts'), `[${env.host}]:${env.port} ${otherKey}\n`);

    const saved = await call('connections:save', { draft: draft() });
    const outcome = await call('connections:connect', { id: saved.id });
    expect(outcome).toMatchObject({
      state: 'hostKeyPrompt',
      prompt: { fingerprintSha256: fingerprintOf(env.hostKeyPub), changedFrom: fingerprintOf(`${other}.pub`) },
    });
    if (outcome.state !== 'hostKeyPrompt') return;
    const refused = await failureOf(call('connections:answerHostKey', { promptId: outcome.prompt.promptId, decision: 'trustAndSave' }));
    // Refused with the sentence that says the key changed (no longer "That host key question has expired").
    expect(refused).toEqual({ kind: 'auth', message: outcome.prompt.refusal, code: 'coreSftp:login.hostKeyChanged', params: outcome.prompt.refusalParams });
    expect(refused.message).toContain(fingerprintOf(`${other}.pub`));
    expect((await failureOf(call('fs:list', { connectionId: saved.id, path: env.home }))).kind).toBe('notFound');
  });

  it('tells the user when the key file can be read by others (and still connects)', async () => {
    const keyPath = join(temp.path, 'loose_ed25519');
    await copyFile(env.keys.ed25519, keyPath);
    await chmod(keyPath, 0o644);
    const { outcome } = await connectTrusting(draft({ auth: { kind: 'key', keyPath } }));
    const warning = outcome.state === 'connected' ? outcome.warnings?.[0] : undefined;
    expect(warning).toMatchObject({ key: 'coreSftp:key.unprotected', params: { mode: '0644' } });
    expect(englishMessage(warning!.key, warning!.params)).toMatch(/UNPROTECTED PRIVATE KEY FILE: .*0644/);

    const { outcome: tight } = await connectTrusting(draft({ name: 'tight', auth: { kind: 'key', keyPath: env.keys.ed25519 } }));
    expect(tight.state === 'connected' && tight.warnings).toBeFalsy();
  });

  it('logs in with a key held by OpenSSH ssh-agent (SSH_AUTH_SOCK)', async () => {
    const { id } = await connectTrusting(draft({ auth: { kind: 'agent' } }));
    expect((await call('fs:stat', { connectionId: id, path: env.home })).kind).toBe('folder');
  });

  it('logs in with PuTTYgen 0.75+ keys (PPK version 3), plain and passphrase-protected', async () => {
    const { id } = await connectTrusting(draft({ auth: { kind: 'key', keyPath: env.keys.ppk } }));
    expect((await call('fs:stat', { connectionId: id, path: env.home })).kind).toBe('folder');
    const v3ed = join(temp.path, 'ed_v3.ppk');
    execFileSync('puttygen', [env.keys.ed25519, '-O', 'private', '-o', v3ed]);
    const { id: ed } = await connectTrusting(draft({ name: 'ed v3', auth: { kind: 'key', keyPath: v3ed } }));
    expect((await call('fs:stat', { connectionId: ed, path: env.home })).kind).toBe('folder');

    // The passphrase is saved encrypted like any secret, and used at connect.
    const { id: enc } = await connectTrusting(
      draft({ name: 'enc v3', auth: { kind: 'key', keyPath: env.keys.ppkEncrypted!, passphrase: env.passphrase } }),
    );
    expect((await call('fs:stat', { connectionId: enc, path: env.home })).kind).toBe('folder');
  });

  it('changes permissions through sftp:chmod, recursively too', async () => {
    const { id } = await connectTrusting(draft());
    const folder = await call('fs:mkdir', { connectionId: id, parentPath: env.home, name: `stowage-chmod-${Date.now()}` });
    try {
      await call('fs:mkdir', { connectionId: id, parentPath: folder.path, name: 'inner' });
      expect(await call('sftp:chmod', { connectionId: id, path: folder.path, mode: 0o700 })).toEqual({ changed: 1, failed: [] });
      expect((await call('fs:stat', { connectionId: id, path: folder.path })).permissions).toBe(0o700);
      expect(await call('sftp:chmod', { connectionId: id, path: folder.path, mode: 0o751, recursive: true })).toEqual({
        changed: 2,
        failed: [],
      });
      expect((await call('fs:stat', { connectionId: id, path: `${folder.path}/inner` })).permissions).toBe(0o751);
      expect((await failureOf(call('sftp:chmod', { connectionId: id, path: folder.path, mode: 0o10000 }))).kind).toBe('invalidInput');
    } finally {
      await call('fs:delete', { connectionId: id, paths: [folder.path] });
    }
  });

  it('imports hosts from ~/.ssh/config (Host, HostName, User, Port, IdentityFile, ProxyJump)', async () => {
    await mkdir(join(h.homeDir, '.ssh'), { recursive: true });
    await writeFile(
      join(h.homeDir, '.ssh', 'config'),
      [
        'Host web-1 web-alias',
        '  HostName 10.0.1.5',
        '  User ec2-user',
        '  Port 2200',
        '  IdentityFile ~/.ssh/ec2.pem',
        '  ProxyJump bastion',
        '',
        'Host bastion',
        '  HostName bastion.example.com',
        '  User jump',
        '',
        'Host *',
        '  User fallback',
        '  ServerAliveInterval 30',
      ].join('\n'),
    );
    const hosts = await call('sftp:readSshConfig', {});
    expect(hosts).toEqual([
      {
        alias: 'web-1',
        host: '10.0.1.5',
        port: 2200,
        username: 'ec2-user',
        identityFile: join(h.homeDir, '.ssh', 'ec2.pem'),
        proxyJump: 'jump@bastion.example.com:22',
      },
      expect.objectContaining({ alias: 'web-alias', host: '10.0.1.5' }),
      { alias: 'bastion', host: 'bastion.example.com', port: 22, username: 'jump', identityFile: undefined, proxyJump: undefined },
    ]);
  });

  it('reads no hosts when there is no ~/.ssh/config', async () => {
    expect(await call('sftp:readSshConfig', {})).toEqual([]);
  });
});

import { execFileSync, spawn } from 'node:child_process';
import { chmod, copyFile, readFile, writeFile } from 'node:fs/promises';
import { connect as tcpConnect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishMessage } from '../../shared/i18n/englishMessages.js';
import { AppError } from '../../electron/core/errors.js';
import { type SftpAuth, type SftpSession } from '../../electron/core/sftp/index.js';
import { openSftpSession } from '../../electron/core/sftp/openSftpSession.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv().sftp;

function connect(auth: SftpAuth, extra: { port?: number; readyTimeoutMs?: number } = {}): Promise<SftpSession> {
  return openSftpSession({
    host: env.host,
    port: extra.port ?? env.port,
    username: env.username,
    auth,
    hostKey: () => 'accept',
    readyTimeoutMs: extra.readyTimeoutMs,
  });
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) {
    if (outcome.value && typeof (outcome.value as SftpSession).close === 'function') await (outcome.value as SftpSession).close();
    throw new Error('expected the connection to fail, and it succeeded');
  }
  expect(outcome.error).toBeInstanceOf(AppError);
  return outcome.error as AppError;
}

/** Connects with the auth, checks the session works (home listed), closes it. */
async function connectsAndLists(auth: SftpAuth): Promise<SftpSession> {
  const session = await connect(auth);
  try {
    expect(session.homePath).toBe(env.home);
    const page = await session.fs.list(session.homePath);
    expect(Array.isArray(page.entries)).toBe(true);
  } finally {
    await session.close();
  }
  expect(session.closed).toBe(true);
  return session;
}

describe('SFTP login against the real sshd', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir('sftp-connect');
  });
  afterAll(async () => {
    await temp.remove();
  });

  it('logs in with a password, finds the home folder and lists it', async () => {
    const session = await connect({ kind: 'password', password: env.password });
    try {
      expect(session.homePath).toBe(env.home);
      expect(session.fs.homePath).toBe(env.home);
      expect(session.warnings).toEqual([]);
      expect(session.hostKey.keyType).toBe('ssh-ed25519');
      const home = await session.fs.stat(session.homePath);
      expect(home).toMatchObject({ kind: 'folder', path: env.home, name: env.username });
      const page = await session.fs.list(session.homePath);
      expect(page.nextCursor).toBeUndefined();
    } finally {
      await session.close();
    }
  });

  it('logs in with keyboard-interactive', async () => {
    await connectsAndLists({ kind: 'keyboardInteractive', password: env.password });
  });

  it('says the user name or password is wrong for a wrong password', async () => {
    const error = await failureOf(connect({ kind: 'password', password: 'not-the-password' }));
    expect(error.kind).toBe('auth');
    expect(error.message).toBe('The user name or password is wrong.');
  });

  it('fails fast with a network error on a closed port', async () => {
    const port = await closedPort();
    const started = Date.now();
    const error = await failureOf(connect({ kind: 'password', password: env.password }, { port }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/refused the connection/);
  });

  it('gives up with "did not answer in time" on a server that never speaks', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as { port: number }).port;
      const started = Date.now();
      const error = await failureOf(connect({ kind: 'password', password: env.password }, { port, readyTimeoutMs: 1000 }));
      expect(Date.now() - started).toBeLessThan(5000);
      expect(error).toMatchObject({ kind: 'network', message: 'The server did not answer in time.' });
    } finally {
      for (const socket of sockets) socket.destroy();
      await closeServer(silent);
    }
  });

  it('tells its listeners when the connection drops, and fails later calls as network errors', async () => {
    const sockets: Socket[] = [];
    const proxy = createServer((inbound) => {
      const outbound = tcpConnect(env.port, env.host);
      sockets.push(inbound, outbound);
      inbound.pipe(outbound).pipe(inbound);
      inbound.on('error', () => undefined);
      outbound.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const port = (proxy.address() as { port: number }).port;
      const session = await connect({ kind: 'password', password: env.password }, { port });
      expect((await session.fs.list(session.homePath)).entries).toBeDefined();
      const closed = new Promise<AppError | undefined>((resolve) => session.onClose(resolve));
      for (const socket of sockets) socket.destroy();
      const reason = await closed;
      expect(reason).toBeInstanceOf(AppError);
      expect(reason!.kind).toBe('network');
      expect(session.closed).toBe(true);
      const error = await failureOf(session.fs.list(session.homePath));
      expect(error.kind).toBe('network');
    } finally {
      await closeServer(proxy);
    }
  });

  describe('private keys', () => {
    it.each([
      ['ed25519', () => env.keys.ed25519],
      ['RSA in PEM form (an EC2 .pem)', () => env.keys.rsaPem],
      ['ECDSA', () => env.keys.ecdsa],
    ])('logs in with an %s key', async (_label, keyPath) => {
      const session = await connectsAndLists({ kind: 'key', keyPath: keyPath() });
      expect(session.warnings).toEqual([]);
    });

    it('logs in with a PuTTY key (PPK version 2)', async () => {
      expect(env.keys.ppkV2, 'the testbed makes a PPK v2 key').toBeTruthy();
      await connectsAndLists({ kind: 'key', keyPath: env.keys.ppkV2! });
      // A passphrase typed for a key that has none is ignored, as ssh does.
      await connectsAndLists({ kind: 'key', keyPath: env.keys.ppkV2!, passphrase: 'unneeded' });
    });

    it('logs in with a PuTTY key in PPK version 3 (PuTTYgen 0.75+ default)', async () => {
      await connectsAndLists({ kind: 'key', keyPath: env.keys.ppk });
    });

    it('logs in with a passphrase-protected PPK version 3 key (Argon2id); names a wrong or missing passphrase', async () => {
      const keyPath = env.keys.ppkEncrypted!;
      expect(keyPath, 'the testbed makes an encrypted PPK v3 key').toBeTruthy();
      await connectsAndLists({ kind: 'key', keyPath, passphrase: env.passphrase });
      const wrong = await failureOf(connect({ kind: 'key', keyPath, passphrase: 'wrong' }));
      expect(wrong).toMatchObject({ kind: 'auth', message: `The passphrase for ${keyPath} is wrong.` });
      const missing = await failureOf(connect({ kind: 'key', keyPath }));
      expect(missing).toMatchObject({ kind: 'auth', message: `The private key ${keyPath} is encrypted: enter its passphrase.` });
    });

    it('logs in with PPK version 3 ed25519 and ECDSA keys, encrypted too', async () => {
      const passFile = join(temp.path, 'v3-pass');
      await writeFile(passFile, `${env.passphrase}\n`);
      for (const source of [env.keys.ed25519, env.keys.ecdsa]) {
        const keyPath = join(temp.path, `${source.split('/').pop()}-v3.ppk`);
        execFileSync('puttygen', [source, '-O', 'private', '--new-passphrase', passFile, '-o', keyPath]);
        expect((await readFile(keyPath, 'latin1')).startsWith('PuTTY-User-Key-File-3:')).toBe(true);
        await connectsAndLists({ kind: 'key', keyPath, passphrase: env.passphrase });
      }
    });

    it('logs in with an encrypted PPK v2 key and its passphrase; names a wrong one', async () => {
      const passFile = join(temp.path, 'ppk-pass');
      const keyPath = join(temp.path, 'enc_v2.ppk');
      await writeFile(passFile, `${env.passphrase}\n`);
      execFileSync('puttygen', [env.keys.rsaPem, '-O', 'private', '--ppk-param', 'version=2', '--new-passphrase', passFile, '-o', keyPath]);
      await connectsAndLists({ kind: 'key', keyPath, passphrase: env.passphrase });
      const wrong = await failureOf(connect({ kind: 'key', keyPath, passphrase: 'wrong' }));
      expect(wrong).toMatchObject({ kind: 'auth', message: `The passphrase for ${keyPath} is wrong.` });
      const missing = await failureOf(connect({ kind: 'key', keyPath }));
      expect(missing).toMatchObject({ kind: 'auth', message: `The private key ${keyPath} is encrypted: enter its passphrase.` });
    });

    it('logs in with an encrypted ed25519 key and the right passphrase', async () => {
      await connectsAndLists({ kind: 'key', keyPath: env.keys.encrypted, passphrase: env.passphrase });
    });

    it('says the passphrase is wrong', async () => {
      const error = await failureOf(connect({ kind: 'key', keyPath: env.keys.encrypted, passphrase: 'not-it' }));
      expect(error).toMatchObject({ kind: 'auth', message: `The passphrase for ${env.keys.encrypted} is wrong.` });
    });

    it('asks for the passphrase of an encrypted key given none', async () => {
      const error = await failureOf(connect({ kind: 'key', keyPath: env.keys.encrypted }));
      expect(error).toMatchObject({
        kind: 'auth',
        message: `The private key ${env.keys.encrypted} is encrypted: enter its passphrase.`,
      });
    });

    it('cannot read a missing key file', async () => {
      const keyPath = join(temp.path, 'no-such-key.pem');
      const error = await failureOf(connect({ kind: 'key', keyPath }));
      expect(error.kind).toBe('invalidInput');
      expect(error.message).toBe(`Cannot read the private key file ${keyPath}: it does not exist.`);
    });

    it('says a file that is no key is not a private key ssh can read', async () => {
      const keyPath = join(temp.path, 'notes.txt');
      await writeFile(keyPath, 'these are my notes, not a key\n');
      const error = await failureOf(connect({ kind: 'key', keyPath }));
      expect(error).toMatchObject({ kind: 'invalidInput', message: `${keyPath} is not a private key ssh can read.` });
    });

    it('points at the private key when given the .pub file', async () => {
      const error = await failureOf(connect({ kind: 'key', keyPath: `${env.keys.ed25519}.pub` }));
      expect(error.kind).toBe('invalidInput');
      expect(error.message).toMatch(/is a public key/);
    });

    it('connects with a key file others can read, and warns like OpenSSH', async () => {
      const keyPath = join(temp.path, 'open_ed25519');
      await copyFile(env.keys.ed25519, keyPath);
      await chmod(keyPath, 0o644);
      const session = await connectsAndLists({ kind: 'key', keyPath });
      expect(session.warnings).toHaveLength(1);
      expect(session.warnings[0]).toEqual({ key: 'coreSftp:key.unprotected', params: { path: keyPath, mode: '0644' } });
      expect(englishMessage(session.warnings[0]!.key, session.warnings[0]!.params)).toContain('UNPROTECTED PRIVATE KEY FILE');
    });

    it('says which key the server refused', async () => {
      const keyPath = join(temp.path, 'stranger_ed25519');
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyPath]);
      const error = await failureOf(connect({ kind: 'key', keyPath }));
      expect(error).toMatchObject({ kind: 'auth', message: `The server refused the key ${keyPath} for user ${env.username}.` });
    });
  });

  describe('SSH agent', () => {
    let agent: { pid: number; socket: string } | undefined;
    beforeAll(async () => {
      const socket = join(temp.path, 'agent.sock');
      const child = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
      agent = { pid: child.pid!, socket };
      for (let i = 0; i < 50; i++) {
        try {
          execFileSync('ssh-add', [env.keys.ed25519], { env: { ...process.env, SSH_AUTH_SOCK: socket }, stdio: 'ignore' });
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      throw new Error('ssh-agent did not start');
    });
    afterAll(() => {
      if (agent) process.kill(agent.pid);
    });

    it('logs in with a key held by ssh-agent', async () => {
      await connectsAndLists({ kind: 'agent', agentSocket: agent!.socket });
    });

    it('explains that no agent is running', async () => {
      const error = await failureOf(
        openSftpSession({
          host: env.host,
          port: env.port,
          username: env.username,
          auth: { kind: 'agent' },
          hostKey: () => 'accept',
          env: {},
        }),
      );
      expect(error.kind).toBe('auth');
      expect(error.message).toMatch(/No SSH agent is running/);
    });
  });
});

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await closeServer(probe);
  return port;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

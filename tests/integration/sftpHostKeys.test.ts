import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  HostKeyNotTrustedError,
  KnownHosts,
  fingerprintSha256,
  type HostKeyPolicy,
} from '../../electron/core/sftp/index.js';
import { openSftpSession } from '../../electron/core/sftp/openSftpSession.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv().sftp;
const hostKeyLine = execFileSync('cat', [env.hostKeyPub], { encoding: 'utf8' }).trim().split(/\s+/);
const hostKeyType = hostKeyLine[0]!;
const hostKeyBase64 = hostKeyLine[1]!;
/** What OpenSSH itself says the fingerprint is: `256 SHA256:... comment (ED25519)`. */
const expectedFingerprint = execFileSync('ssh-keygen', ['-lf', env.hostKeyPub], { encoding: 'utf8' }).split(' ')[1]!;
const hostName = `[${env.host}]:${env.port}`;

/** Accept only keys the store trusts: what the connection manager does. */
const trustedOnly =
  (knownHosts: KnownHosts): HostKeyPolicy =>
  (key) =>
    knownHosts.check(key.host, key.port, key.keyType, key.keyBase64).status === 'trusted' ? 'accept' : 'reject';

function connect(hostKey: HostKeyPolicy, preferredHostKeyTypes?: string[]) {
  return openSftpSession({
    host: env.host,
    port: env.port,
    username: env.username,
    auth: { kind: 'password', password: env.password },
    hostKey,
    preferredHostKeyTypes,
  });
}

async function rejection(promise: Promise<{ close(): Promise<void> }>): Promise<unknown> {
  return promise.then(
    async (session) => {
      await session.close();
      throw new Error('expected the connection to be refused');
    },
    (error: unknown) => error,
  );
}

function otherEd25519Key(dir: string): string {
  const path = join(dir, `other-${Math.random().toString(36).slice(2)}`);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path]);
  return execFileSync('cat', [`${path}.pub`], { encoding: 'utf8' }).split(/\s+/)[1]!;
}

describe('SFTP host keys against the real sshd (temp HOME, never ~/.ssh)', () => {
  let home: Awaited<ReturnType<typeof makeTempDir>>;
  let knownHosts: KnownHosts;
  let storePath: string;

  beforeEach(async () => {
    home = await makeTempDir('sftp-hostkeys');
    await mkdir(join(home.path, '.ssh'), { recursive: true });
    storePath = join(home.path, 'appdata', 'known_hosts');
    knownHosts = new KnownHosts({ homeDir: home.path, storePath });
  });
  afterEach(async () => {
    await home.remove();
  });

  it('computes fingerprints exactly like ssh-keygen -l', () => {
    expect(fingerprintSha256(hostKeyBase64)).toBe(expectedFingerprint);
  });

  it('refuses an unknown host key with HostKeyNotTrustedError carrying the key', async () => {
    expect(knownHosts.check(env.host, env.port, hostKeyType, hostKeyBase64)).toEqual({ status: 'unknown' });
    const error = await rejection(connect(trustedOnly(knownHosts)));
    expect(error).toBeInstanceOf(HostKeyNotTrustedError);
    const refused = error as HostKeyNotTrustedError;
    expect(refused.kind).toBe('auth');
    expect(refused.presented).toEqual({
      host: env.host,
      port: env.port,
      keyType: 'ssh-ed25519',
      fingerprintSha256: expectedFingerprint,
      keyBase64: hostKeyBase64,
    });
    expect(refused.message).toContain(expectedFingerprint);
  });

  it('accepts the key once trusted, and keeps it in the app store (not in ~/.ssh)', async () => {
    const refused = (await rejection(connect(trustedOnly(knownHosts)))) as HostKeyNotTrustedError;
    const { host, port, keyType, keyBase64 } = refused.presented;
    await knownHosts.trust(host, port, keyType, keyBase64);
    expect(knownHosts.check(host, port, keyType, keyBase64)).toEqual({ status: 'trusted' });
    expect(await readFile(storePath, 'utf8')).toBe(`${hostName} ssh-ed25519 ${hostKeyBase64}\n`);
    await expect(readFile(join(home.path, '.ssh', 'known_hosts'))).rejects.toThrow(/ENOENT/);

    const session = await connect(trustedOnly(knownHosts));
    expect(session.hostKey.fingerprintSha256).toBe(expectedFingerprint);
    expect((await session.fs.list(session.homePath)).entries).toBeDefined();
    await session.close();
  });

  it('refuses a changed key and reports the saved fingerprint', async () => {
    const saved = otherEd25519Key(home.path);
    await knownHosts.trust(env.host, env.port, 'ssh-ed25519', saved);
    expect(knownHosts.check(env.host, env.port, hostKeyType, hostKeyBase64)).toEqual({
      status: 'changed',
      savedFingerprint: fingerprintSha256(saved),
    });
    const error = await rejection(connect(trustedOnly(knownHosts)));
    expect(error).toBeInstanceOf(HostKeyNotTrustedError);
    expect((error as HostKeyNotTrustedError).presented.fingerprintSha256).toBe(expectedFingerprint);
  });

  it('replaces, not adds, when a new key of the same type is trusted', async () => {
    await knownHosts.trust(env.host, env.port, 'ssh-ed25519', otherEd25519Key(home.path));
    await knownHosts.trust('other.example', 22, 'ssh-ed25519', hostKeyBase64);
    await knownHosts.trust(env.host, env.port, 'ssh-ed25519', hostKeyBase64);
    const lines = (await readFile(storePath, 'utf8')).trim().split('\n');
    expect(lines).toEqual([`other.example ssh-ed25519 ${hostKeyBase64}`, `${hostName} ssh-ed25519 ${hostKeyBase64}`]);
    expect(knownHosts.check('other.example', 22, 'ssh-ed25519', hostKeyBase64)).toEqual({ status: 'trusted' });
    expect(knownHosts.check(env.host, env.port, hostKeyType, hostKeyBase64)).toEqual({ status: 'trusted' });
  });

  it('trusts a hashed entry in ~/.ssh/known_hosts (ssh-keygen -H)', async () => {
    const file = join(home.path, '.ssh', 'known_hosts');
    await writeFile(file, `# made by the test\n${hostName} ${hostKeyType} ${hostKeyBase64} comment\n`);
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
    const hashed = await readFile(file, 'utf8');
    expect(hashed).toMatch(/^\|1\|[^|]+\|[^ ]+ ssh-ed25519 /m);
    expect(hashed).not.toContain(env.host);

    expect(knownHosts.check(env.host, env.port, hostKeyType, hostKeyBase64)).toEqual({ status: 'trusted' });
    // The same host on another port is another entry.
    expect(knownHosts.check(env.host, 22, hostKeyType, hostKeyBase64)).toEqual({ status: 'unknown' });
    const session = await connect(trustedOnly(knownHosts), knownHosts.knownKeyTypes(env.host, env.port));
    expect(session.hostKey.keyBase64).toBe(hostKeyBase64);
    await session.close();
    expect(await readFile(file, 'utf8')).toBe(hashed);
  });

  it('matches plain patterns: lists, wildcards and negations', async () => {
    const file = join(home.path, '.ssh', 'known_hosts');
    await writeFile(file, `[127.0.0.*]:${env.port},!${hostName} ${hostKeyType} ${hostKeyBase64}\n`);
    expect(knownHosts.check(env.host, env.port, hostKeyType, hostKeyBase64)).toEqual({ status: 'unknown' });
    await writeFile(file, `other,[127.0.0.?]:${env.port} ${hostKeyType} ${hostKeyBase64}\n`);
    expect(knownHosts.check(env.host, env.port, hostKeyType, hostKeyBase64)).toEqual({ status: 'trusted' });
  });

  it('refuses a key marked @revoked even when it is also trusted', async () => {
    const file = join(home.path, '.ssh', 'known_hosts');
    await writeFile(file, `${hostName} ${hostKeyType} ${hostKeyBase64}\n@revoked * ${hostKeyType} ${hostKeyBase64}\n`);
    expect(knownHosts.check(env.host, env.port, hostKeyType, hostKeyBase64)).toEqual({
      status: 'changed',
      savedFingerprint: expectedFingerprint,
      revoked: true,
    });
    const error = await rejection(connect(trustedOnly(knownHosts)));
    expect(error).toBeInstanceOf(HostKeyNotTrustedError);
  });

  it('treats a key of another type as new, not changed (like OpenSSH)', async () => {
    await knownHosts.trust(env.host, env.port, 'ecdsa-sha2-nistp256', 'AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY=');
    expect(knownHosts.check(env.host, env.port, hostKeyType, hostKeyBase64)).toEqual({ status: 'unknown' });
    expect(knownHosts.knownKeyTypes(env.host, env.port)).toEqual(['ecdsa-sha2-nistp256']);
  });
});

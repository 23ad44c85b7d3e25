import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors.js';
import { fingerprintSha256, keyTypeOfBlob, knownHostsName } from '../../electron/core/sftp/hostKey.js';
import { hostMatches } from '../../electron/core/sftp/knownHosts.js';
import { moveInParallelChunks } from '../../electron/core/sftp/parallelChunks.js';
import { ownerGroupFromLongname } from '../../electron/core/sftp/sftpEntries.js';
import { sftpErrorTranslator } from '../../electron/core/sftp/sftpErrors.js';

const withFields = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

describe('sftp longname parsing', () => {
  it('reads owner and group names from OpenSSH longnames', () => {
    expect(ownerGroupFromLongname('-rw-r--r--    1 alice    staff        42 Nov 23 17:54 notes.txt')).toEqual({
      owner: 'alice',
      group: 'staff',
    });
    expect(ownerGroupFromLongname('drwxr-sr-x+   3 1001     www-data   4096 Jan  1  2024 a b')).toEqual({
      owner: '1001',
      group: 'www-data',
    });
  });
  it('gives up on anything else', () => {
    expect(ownerGroupFromLongname(undefined)).toBeUndefined();
    expect(ownerGroupFromLongname('notes.txt')).toBeUndefined();
    expect(ownerGroupFromLongname('')).toBeUndefined();
  });
});

describe('known_hosts host patterns', () => {
  it('matches names, lists, globs and negations like OpenSSH', () => {
    expect(hostMatches('example.com', 'example.com')).toBe(true);
    expect(hostMatches('Example.COM', 'example.com')).toBe(true);
    expect(hostMatches('a.com,example.com', 'example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'db.example.com')).toBe(true);
    expect(hostMatches('*.example.com,!db.example.com', 'db.example.com')).toBe(false);
    expect(hostMatches('[10.0.0.?]:2222', '[10.0.0.7]:2222')).toBe(true);
    expect(hostMatches('[10.0.0.?]:2222', '[10.0.0.7]:22')).toBe(false);
    expect(hostMatches('example.com', '[example.com]:2222')).toBe(false);
  });
  it('matches hashed entries', () => {
    const salt = randomBytes(20);
    const hash = createHmac('sha1', salt).update('[host.example]:2200').digest('base64');
    const entry = `|1|${salt.toString('base64')}|${hash}`;
    expect(hostMatches(entry, '[host.example]:2200')).toBe(true);
    expect(hostMatches(entry, 'host.example')).toBe(false);
  });
  it('names non-22 ports in brackets', () => {
    expect(knownHostsName('h', 22)).toBe('h');
    expect(knownHostsName('h', 2222)).toBe('[h]:2222');
  });
});

describe('host key blobs', () => {
  it('reads the key type and fingerprints like ssh-keygen', () => {
    // `ssh-keygen -lf` prints this fingerprint for this public key.
    const keyBase64 = 'AAAAC3NzaC1lZDI1NTE5AAAAIPn/DzoHEEWbZ8bjhqnrBfI/eD5Hy3rmxqTEYZ8FE7fA';
    expect(keyTypeOfBlob(Buffer.from(keyBase64, 'base64'))).toBe('ssh-ed25519');
    expect(fingerprintSha256(keyBase64)).toBe('SHA256:aJ/HHpY+f1YK+BsK0kEK9ILpJsEdSTnrIT11anZZeDs');
    expect(keyTypeOfBlob(Buffer.from([0, 0]))).toBe('unknown');
  });
});

describe('moving a byte range in parallel chunks', () => {
  const run = (overrides: Partial<Parameters<typeof moveInParallelChunks>[0]> = {}) => {
    const moved: [number, number][] = [];
    const progress: number[] = [];
    const promise = moveInParallelChunks({
      start: 0,
      end: 1000,
      chunkSize: 64,
      concurrency: 4,
      signal: new AbortController().signal,
      onProgress: (n) => progress.push(n),
      moveChunk: async (buffer, position, length) => {
        expect(length).toBeLessThanOrEqual(buffer.length);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
        moved.push([position, length]);
      },
      ...overrides,
    });
    return { promise, moved, progress };
  };

  it('covers every byte once and reports growing progress up to the end', async () => {
    const { promise, moved, progress } = run({ start: 100 });
    await promise;
    const sorted = [...moved].sort((a, b) => a[0] - b[0]);
    let at = 100;
    for (const [position, length] of sorted) {
      expect(position).toBe(at);
      at += length;
    }
    expect(at).toBe(1000);
    expect(progress.at(-1)).toBe(1000);
    expect(progress.every((n, i) => i === 0 || n > progress[i - 1]!)).toBe(true);
  });

  it('does nothing for an empty range', async () => {
    const { promise, moved } = run({ start: 0, end: 0 });
    await promise;
    expect(moved).toEqual([]);
  });

  it('rejects with the first error and starts no more chunks', async () => {
    let calls = 0;
    const { promise } = run({
      concurrency: 1,
      moveChunk: async () => {
        calls++;
        if (calls === 3) throw new Error('disk on fire');
      },
    });
    await expect(promise).rejects.toThrow('disk on fire');
    expect(calls).toBe(3);
  });

  it('after the first failure starts no chunk and rejects only once the chunks in flight have ended', async () => {
    let started = 0;
    let inFlight = 0;
    const { promise } = run({
      concurrency: 4,
      moveChunk: async () => {
        started++;
        if (started === 1) throw new Error('disk on fire');
        inFlight++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight--;
      },
    });
    await expect(promise).rejects.toThrow('disk on fire');
    expect(inFlight).toBe(0);
    expect(started).toBe(4);
  });

  it('rejects as cancelled at once when aborted, even with chunks still hanging', async () => {
    const controller = new AbortController();
    const { promise } = run({
      signal: controller.signal,
      moveChunk: () => new Promise(() => undefined),
    });
    setTimeout(() => controller.abort(), 5);
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('cancelled');
  });
});

describe('sftpErrorTranslator', () => {
  it('explains SFTP status codes', () => {
    expect(sftpErrorTranslator(withFields('No such file', { code: 2 }))?.kind).toBe('notFound');
    expect(sftpErrorTranslator(withFields('Permission denied', { code: 3 }))?.kind).toBe('permission');
    expect(sftpErrorTranslator(withFields('Failure', { code: 4 }))?.kind).toBe('conflict');
    expect(sftpErrorTranslator(withFields('Operation unsupported', { code: 8 }))?.kind).toBe('unsupported');
  });
  it('explains ssh2 connection errors', () => {
    expect(
      sftpErrorTranslator(withFields('All configured authentication methods failed', { level: 'client-authentication' })),
    ).toMatchObject({ kind: 'auth' });
    expect(sftpErrorTranslator(withFields('Timed out while waiting for handshake', { level: 'client-timeout' }))).toMatchObject({
      kind: 'network',
      message: 'The server did not answer in time.',
    });
    expect(
      sftpErrorTranslator(withFields('connect ECONNREFUSED 127.0.0.1:1', { level: 'client-socket', code: 'ECONNREFUSED' })),
    ).toMatchObject({ kind: 'network' });
    expect(sftpErrorTranslator(new Error('No response from server'))).toMatchObject({ kind: 'network' });
  });
  it('leaves other errors to other translators', () => {
    expect(sftpErrorTranslator(new Error('something else'))).toBeUndefined();
    expect(sftpErrorTranslator('a string')).toBeUndefined();
  });
});

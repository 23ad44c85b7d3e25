import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCyberduck } from '../../electron/core/connections/import/cyberduck.js';
import { parseFileZilla } from '../../electron/core/connections/import/filezilla.js';
import { parseRclone, revealRclone } from '../../electron/core/connections/import/rclone.js';
import { MAX_BOOKMARK_FILE_BYTES, parseBookmarkText, readBookmarkFiles } from '../../electron/core/connections/import/readBookmarkFiles.js';
import { parseXml, XmlRefused } from '../../electron/core/connections/import/safeXml.js';
import { parseWinScp, revealWinScpPassword } from '../../electron/core/connections/import/winscp.js';
import { englishMessage } from '../../shared/i18n/englishMessages.js';
import { makeTempDir } from '../support/tempDir.js';

const fixtures = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const fixture = (name: string) => readFile(join(fixtures, name), 'utf8');
const byName = <T extends { draft: { name: string } }>(list: T[], name: string): T => {
  const found = list.find((b) => b.draft.name === name);
  if (!found) throw new Error(`no bookmark ${name}`);
  return found;
};

describe('Cyberduck bookmarks (.duck property lists)', () => {
  it('reads an SFTP bookmark with its start folder, and an S3 one with its bucket and region', async () => {
    const sftp = parseCyberduck(await fixture('cyberduck-bookmarks/test-sftp.duck'));
    expect(sftp.bookmarks[0]!.draft).toEqual({
      protocol: 'sftp',
      name: 'Duck & SFTP',
      host: '127.0.0.1',
      port: 2222,
      username: 'sftptest',
      auth: { kind: 'password' },
      rememberSecret: true,
      initialPath: '/home/sftptest',
    });
    const s3 = parseCyberduck(await fixture('cyberduck-bookmarks/Backups.duck')).bookmarks[0]!.draft;
    expect(s3).toMatchObject({ protocol: 's3', endpoint: { kind: 'aws' }, region: 'eu-west-1', bookmarkedBuckets: ['nightly-backups'], auth: { kind: 'keys', accessKeyId: 'AKIAEXAMPLEDUCK' } });
  });

  it('takes the key file from the newer dictionary form, and lists FTP as skipped with why', async () => {
    const key = parseCyberduck(await fixture('cyberduck-bookmarks/key-login.duck')).bookmarks[0]!.draft;
    expect(key).toMatchObject({ protocol: 'sftp', port: 22, auth: { kind: 'key', keyPath: '/Users/me/.ssh/id_ed25519' } });
    const ftp = parseCyberduck(await fixture('cyberduck-bookmarks/old-ftp.duck'));
    expect(ftp.bookmarks).toEqual([]);
    expect(ftp.skipped).toEqual([
      { source: 'cyberduck', name: 'Old FTP', host: 'ftp.example.com', reason: { key: 'coreConnections:import.protocolUnsupported', params: { protocol: 'FTP' } } },
    ]);
  });
});

describe('FileZilla sitemanager.xml', () => {
  it('reads SFTP and S3 sites with base64 passwords, folders as groups, and says why the rest cannot come', async () => {
    const parsed = parseFileZilla(await fixture('sitemanager.xml'));
    expect(parsed.bookmarks.map((b) => [b.draft.name, b.group ?? null])).toEqual([
      ['Zilla SFTP', null],
      ['NAS store', 'Clients'],
      ['Vault', 'Clients / Locked'],
      ['Build box', 'Clients / Locked'],
    ]);
    expect(byName(parsed.bookmarks, 'Zilla SFTP').draft).toMatchObject({
      host: '127.0.0.1',
      port: 2222,
      initialPath: '/home/sftptest',
      auth: { kind: 'password', password: 'sftp-test-password' },
    });
    expect(byName(parsed.bookmarks, 'NAS store').draft).toMatchObject({
      protocol: 's3',
      endpoint: { kind: 'custom', url: 'https://nas.example.lan:9000' },
      forcePathStyle: true,
      auth: { kind: 'keys', accessKeyId: 'NASACCESSKEY', secretAccessKey: 'NAS-secret-key/42' },
    });
    expect(byName(parsed.bookmarks, 'Build box').draft.auth).toEqual({ kind: 'key', keyPath: '/home/me/.ssh/ci_ed25519' });
    // Sealed by FileZilla's master password: no secret, and a note that says so.
    const vault = byName(parsed.bookmarks, 'Vault');
    expect(vault.draft.auth).toEqual({ kind: 'password' });
    expect(vault.note).toEqual({ key: 'coreConnections:import.filezillaMasterPassword' });
    expect(parsed.skipped.map((s) => [s.name, s.group, s.reason.params?.protocol])).toEqual([
      ['Shop FTP', 'Clients', 'FTP'],
      ['Docs WebDAV', 'Clients / Locked', 'WebDAV'],
    ]);
  });
});

describe('WinSCP.ini sessions', () => {
  it('reveals passwords with WinSCP’s published XOR scheme, keyed by user and host', () => {
    expect(revealWinScpPassword('A35C7F5F4D7E6F2F3A282C28392F286D6E6B726C726C726D2F3A282C7128392F28712C3D2F2F2B332E38', 'sftptest', '127.0.0.1')).toBe('sftp-test-password');
    // Another host's key does not open it.
    expect(revealWinScpPassword('A35C7F5F4D7E6F2F3A282C28392F286D6E6B726C726C726D2F3A282C7128392F28712C3D2F2F2B332E38', 'sftptest', 'other')).toBeUndefined();
    expect(revealWinScpPassword('not hex', 'a', 'b')).toBeUndefined();
  });

  it('reads folders, key files, S3 and FTP sessions, and skips the default settings', async () => {
    const parsed = parseWinScp(await fixture('WinSCP.ini'));
    expect(parsed.bookmarks.map((b) => [b.draft.name, b.group ?? null])).toEqual([
      ['Win SFTP', null],
      ['Files', 'Customers / Acme'],
      ['Key only', 'Customers'],
      ['Archive S3', null],
    ]);
    expect(byName(parsed.bookmarks, 'Win SFTP').draft).toMatchObject({ port: 2222, initialPath: '/home/sftptest', auth: { kind: 'password', password: 'sftp-test-password' } });
    expect(byName(parsed.bookmarks, 'Files').draft.auth).toEqual({ kind: 'password', password: 'pä55 word' });
    expect(byName(parsed.bookmarks, 'Key only').draft.auth).toEqual({ kind: 'key', keyPath: 'C:\\Users\\me\\.ssh\\id_rsa.ppk' });
    expect(byName(parsed.bookmarks, 'Archive S3').draft).toMatchObject({ protocol: 's3', endpoint: { kind: 'aws' }, bookmarkedBuckets: ['archive-bucket'] });
    expect(parsed.skipped).toEqual([
      { source: 'winscp', name: 'Intranet FTP', host: 'intranet.example.com', reason: { key: 'coreConnections:import.protocolUnsupported', params: { protocol: 'FTP' } } },
    ]);
  });

  it('reads no password when a master password encrypts them, and says so', async () => {
    const text = `${await fixture('WinSCP.ini')}\n[Configuration\\Security]\nUseMasterPassword=1\n`;
    const sftp = byName(parseWinScp(text).bookmarks, 'Win SFTP');
    expect(sftp.draft.auth).toEqual({ kind: 'password' });
    expect(sftp.note).toEqual({ key: 'coreConnections:import.winscpMasterPassword' });
  });
});

describe('rclone.conf remotes', () => {
  it('reveals obscured values as rclone does (its documented example)', () => {
    expect(revealRclone('jKbX8aq3wGjZorrMVcM_tQtL5BxA5cvc_DQ')).toBe('mypassword');
    expect(revealRclone('plain text!')).toBeUndefined();
  });

  it('reads S3 and SFTP remotes and lists the others with why', async () => {
    const parsed = parseRclone(await fixture('rclone.conf'));
    expect(byName(parsed.bookmarks, 'rgw').draft).toEqual({
      protocol: 's3',
      name: 'rgw',
      endpoint: { kind: 'custom', url: 'http://127.0.0.1:7480' },
      region: 'us-east-1',
      forcePathStyle: true,
      auth: { kind: 'keys', accessKeyId: 'TESTACCESSKEY', secretAccessKey: 'TESTSECRETKEY' },
      rememberSecret: true,
    });
    expect(byName(parsed.bookmarks, 'aws-logs').draft).toMatchObject({ endpoint: { kind: 'aws' }, region: 'eu-central-1', auth: { kind: 'profile', profile: 'default' } });
    expect(byName(parsed.bookmarks, 'box').draft.auth).toEqual({ kind: 'password', password: 'sftp-test-password' });
    expect(byName(parsed.bookmarks, 'box-key').draft.auth).toMatchObject({ kind: 'key', passphrase: 'key-passphrase' });
    expect(parsed.skipped.map((s) => [s.name, s.reason.key])).toEqual([
      ['secret', 'coreConnections:import.rcloneBackend'],
      ['public', 'coreConnections:import.anonymousS3'],
      ['drive', 'coreConnections:import.protocolUnsupported'],
    ]);
  });

  it('refuses a config encrypted with rclone’s configuration password, with a sentence', () => {
    const problem = parseBookmarkText('/x/rclone.conf', '# Encrypted rclone configuration File\n\nRCLONE_ENCRYPT_V0:\nabcdef\n');
    expect(problem).toEqual({ path: '/x/rclone.conf', reason: { key: 'coreConnections:import.rcloneEncrypted', params: { file: '/x/rclone.conf' } } });
  });
});

describe('hostile and broken files', () => {
  const sentence = (p: unknown) => {
    const reason = (p as { reason: { key: string; params?: Record<string, string | number> } }).reason;
    return englishMessage(reason.key, reason.params);
  };

  it('does not expand entities: the billion laughs and an external entity are refused at once', async () => {
    const started = Date.now();
    for (const name of ['hostile/billion-laughs.xml', 'hostile/external-entity.duck']) {
      const problem = parseBookmarkText(name, await fixture(name));
      expect(sentence(problem)).toBe(`${name} declares its own XML entities: Stowage does not expand them, so it does not read this file.`);
    }
    expect(Date.now() - started).toBeLessThan(1000);
    // An undeclared entity is refused too, never left as text.
    expect(() => parseXml('<a>&lol9;</a>')).toThrow(XmlRefused);
    expect(parseXml('<a x="&lt;&#65;&#x42;">&amp;<![CDATA[<b>]]></a>')).toMatchObject({ attributes: { x: '<AB' }, text: '&<b>' });
  });

  it('gives garbage and broken XML a sentence', async () => {
    expect(sentence(parseBookmarkText('garbage.txt', await fixture('hostile/garbage.txt')))).toBe(
      'garbage.txt is not a bookmark file Stowage knows (Cyberduck, FileZilla, WinSCP or rclone).',
    );
    expect(sentence(parseBookmarkText('broken.xml', await fixture('hostile/broken.xml')))).toMatch(/^broken\.xml is not well-formed XML \(near character \d+\)\.$/);
  });

  it('refuses a huge file without reading it, and reads a Cyberduck folder whole', async () => {
    const dir = await makeTempDir('import-huge');
    try {
      const huge = join(dir.path, 'sitemanager.xml');
      await writeFile(huge, `<FileZilla3><Servers>${' '.repeat(MAX_BOOKMARK_FILE_BYTES)}</Servers></FileZilla3>`);
      const read = await readBookmarkFiles([huge, join(fixtures, 'cyberduck-bookmarks'), join(dir.path, 'missing.conf')]);
      expect(read.problems.map(sentence)).toEqual([
        `${huge} is larger than 2 MiB: bookmark files are much smaller, so Stowage does not read it.`,
        `Cannot read ${join(dir.path, 'missing.conf')} (ENOENT).`,
      ]);
      expect(read.bookmarks.map((b) => b.draft.name).sort()).toEqual(['Backups on AWS', 'Duck & SFTP', 'Web (key)']);
      expect(read.skipped.map((s) => s.name)).toEqual(['Old FTP']);
    } finally {
      await dir.remove();
    }
  });
});

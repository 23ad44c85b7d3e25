import { describe, expect, it } from 'vitest';
import { parseJumpHost } from '../../electron/core/connections/sshJumpHost.js';
import { sshConfigHosts } from '../../electron/core/connections/sshConfigImport.js';
import { bitFor, formatPermissions, parseOctal, toOctal } from '../../renderer/src/features/sftp/permissions.js';

describe('permission bits for people', () => {
  it('writes modes like ls -l, special bits included', () => {
    expect(formatPermissions({ kind: 'folder', permissions: 0o755 })).toBe('drwxr-xr-x');
    expect(formatPermissions({ kind: 'file', permissions: 0o640 })).toBe('-rw-r-----');
    expect(formatPermissions({ kind: 'symlink', permissions: 0o777 })).toBe('lrwxrwxrwx');
    expect(formatPermissions({ kind: 'file', permissions: 0o4755 })).toBe('-rwsr-xr-x');
    expect(formatPermissions({ kind: 'folder', permissions: 0o1777 })).toBe('drwxrwxrwt');
    expect(formatPermissions({ kind: 'file', permissions: 0o2644 })).toBe('-rw-r-Sr--');
    expect(formatPermissions({ kind: 'file', permissions: undefined })).toBe('');
  });

  it('reads and writes octal, refusing anything else', () => {
    expect(parseOctal('755')).toBe(0o755);
    expect(parseOctal(' 0644 ')).toBe(0o644);
    expect(parseOctal('4755')).toBe(0o4755);
    for (const bad of ['', '75', '789', '12345', 'rwx', '0o755']) expect(parseOctal(bad)).toBeUndefined();
    expect(toOctal(0o644)).toBe('644');
    expect(toOctal(0o40755)).toBe('755');
    expect(toOctal(0o1777)).toBe('1777');
  });

  it('maps the checkbox grid to bits', () => {
    expect(bitFor(0, 0)).toBe(0o400);
    expect(bitFor(1, 1)).toBe(0o020);
    expect(bitFor(2, 2)).toBe(0o001);
  });
});

describe('ProxyJump specs', () => {
  it('reads user@host:port, defaulting the user and port', () => {
    expect(parseJumpHost('ops@bastion.example.com:2200', 'me')).toEqual({ username: 'ops', host: 'bastion.example.com', port: 2200 });
    expect(parseJumpHost('bastion', 'me')).toEqual({ username: 'me', host: 'bastion', port: 22 });
    expect(parseJumpHost('[::1]:22', 'me')).toEqual({ username: 'me', host: '::1', port: 22 });
    expect(parseJumpHost('', 'me')).toBeUndefined();
    expect(parseJumpHost('none', 'me')).toBeUndefined();
  });

  it('explains chains and nonsense', () => {
    expect(() => parseJumpHost('a,b', 'me')).toThrow(/one jump host/);
    expect(() => parseJumpHost('a b', 'me')).toThrow(/should look like/);
    expect(() => parseJumpHost('host:99999', 'me')).toThrow(/not a port/);
  });
});

describe('~/.ssh/config import', () => {
  it('resolves each alias with every matching block, first value winning, like ssh', () => {
    const hosts = sshConfigHosts(
      ['Host *', '  User everyone', 'Host db', '  HostName 10.0.0.9', '  User dba', '  IdentityFile "~/.ssh/db key"', 'Host *.corp', '  Port 2222'].join(
        '\n',
      ),
      '/home/me',
    );
    expect(hosts).toEqual([
      { alias: 'db', host: '10.0.0.9', port: 22, username: 'everyone', identityFile: '/home/me/.ssh/db key', proxyJump: undefined },
    ]);
  });

  it('skips wildcard blocks and never runs Match exec', () => {
    const hosts = sshConfigHosts(['Match exec "touch /tmp/stowage-should-not-exist"', '  User x', 'Host a?c web-*', '  User y'].join('\n'), '/h');
    expect(hosts).toEqual([]);
  });
});

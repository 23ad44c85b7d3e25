/**
 * rclone's remotes (`rclone.conf`): one `[name]` section each with its `type`. S3 remotes:
 * `provider`, `access_key_id`, `secret_access_key`, `session_token`, `env_auth`, `profile`,
 * `region`, `endpoint`, `force_path_style`. SFTP remotes: `host`, `user`, `port`, `pass`,
 * `key_file`, `key_file_pass`, `key_use_agent` (with neither password nor key, rclone uses
 * ssh-agent). Other backends are listed as skipped.
 *
 * `pass` and `key_file_pass` are "obscured" (`rclone obscure`): AES-256-CTR under a key
 * published in rclone's source, the 16-byte IV first, in unpadded URL-safe base64. That hides
 * them from a glance, not from anyone: Stowage reveals them with node:crypto and seals them.
 */
import { createDecipheriv } from 'node:crypto';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { ConnectionDraft, SftpConnectionDraft } from '../../../../shared/connections.js';
import { BookmarkFileRefused, accept, nameOf, portOf, regionOf, sftpDraft, unsupportedProtocol, type ParsedBookmarks } from './importedBookmark.js';
import { parseIni } from './iniFile.js';

const OBSCURE_KEY = Buffer.from('9c935b48730a554d6bfd7c63c886a92bd390198eb8128afbf4de162b8b95f638', 'hex');

/** The value `rclone obscure` hid, or undefined when it is not an obscured value. */
export function revealRclone(obscured: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(obscured)) return undefined;
  const bytes = Buffer.from(obscured, 'base64url');
  if (bytes.length < 16) return undefined;
  const decipher = createDecipheriv('aes-256-ctr', OBSCURE_KEY, bytes.subarray(0, 16));
  const plain = Buffer.concat([decipher.update(bytes.subarray(16)), decipher.final()]).toString('utf8');
  return plain.includes('\ufffd') ? undefined : plain;
}

function expandHome(path: string | undefined): string | undefined {
  if (!path) return undefined;
  return path === '~' ? homedir() : path.startsWith('~/') ? join(homedir(), path.slice(2)) : path;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

const BACKEND_NAMES: Record<string, string> = { ftp: 'FTP', webdav: 'WebDAV', http: 'HTTP', swift: 'OpenStack Swift', azureblob: 'Azure Blob', b2: 'Backblaze B2', drive: 'Google Drive', dropbox: 'Dropbox', onedrive: 'OneDrive', gcs: 'Google Cloud Storage' };

export function parseRclone(text: string): ParsedBookmarks {
  if (/^RCLONE_ENCRYPT_V\d+:/m.test(text)) throw new BookmarkFileRefused('coreConnections:import.rcloneEncrypted');
  const sections = parseIni(text).filter((s) => s.values.has('type'));
  if (sections.length === 0) throw new BookmarkFileRefused('coreConnections:import.notRclone');
  const out: ParsedBookmarks = { bookmarks: [], skipped: [] };
  for (const { name: remote, values: v } of sections) {
    const type = v.get('type')!.toLowerCase();
    const name = nameOf(remote, remote);
    const hidden = (key: string) => {
      const value = v.get(key);
      return value ? revealRclone(value) : undefined;
    };
    const unrevealed = ['pass', 'key_file_pass'].some((k) => v.get(k) && hidden(k) === undefined);
    const note = unrevealed ? { key: 'coreConnections:import.rcloneNotRevealed' } : undefined;
    let draft: ConnectionDraft;
    if (type === 'sftp') {
      const host = v.get('host') ?? '';
      if (v.get('key_pem')) {
        out.skipped.push({ source: 'rclone', name, host: host || undefined, reason: { key: 'coreConnections:import.rcloneInlineKey' } });
        continue;
      }
      const keyPath = expandHome(v.get('key_file'));
      const password = hidden('pass');
      const auth: SftpConnectionDraft['auth'] = keyPath
        ? { kind: 'key', keyPath, passphrase: hidden('key_file_pass') }
        : v.get('pass')
          ? { kind: 'password', password }
          : { kind: 'agent' };
      draft = sftpDraft({ name, host, port: portOf(v.get('port')), username: v.get('user') || currentUser(), auth });
    } else if (type === 's3') {
      const endpoint = v.get('endpoint');
      const provider = (v.get('provider') ?? 'AWS').toLowerCase();
      const accessKeyId = v.get('access_key_id');
      const envAuth = v.get('env_auth') === 'true';
      if (!accessKeyId && !envAuth) {
        out.skipped.push({ source: 'rclone', name, host: endpoint, reason: { key: 'coreConnections:import.anonymousS3' } });
        continue;
      }
      if (!endpoint && provider !== 'aws') {
        out.skipped.push({ source: 'rclone', name, reason: { key: 'coreConnections:import.incomplete', params: { field: 'endpoint' } } });
        continue;
      }
      const url = endpoint ? (/^https?:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`) : undefined;
      const host = url ? hostOf(url) : 's3.amazonaws.com';
      if (host === undefined) {
        out.skipped.push({ source: 'rclone', name, host: endpoint, reason: { key: 'coreConnections:import.incomplete', params: { field: 'endpoint' } } });
        continue;
      }
      draft = {
        protocol: 's3',
        name,
        endpoint: url && !/(^|\.)amazonaws\.com$/i.test(host) ? { kind: 'custom', url: url.replace(/\/+$/, '') } : { kind: 'aws' },
        region: regionOf(host, v.get('region')),
        forcePathStyle: url ? v.get('force_path_style') !== 'false' : false,
        auth: accessKeyId
          ? { kind: 'keys', accessKeyId, secretAccessKey: v.get('secret_access_key') || undefined, sessionToken: v.get('session_token') || undefined }
          : { kind: 'profile', profile: v.get('profile') || 'default' },
        rememberSecret: true,
      };
    } else {
      const backend = BACKEND_NAMES[type];
      if (backend) unsupportedProtocol(out, 'rclone', { name }, backend);
      else out.skipped.push({ source: 'rclone', name, reason: { key: 'coreConnections:import.rcloneBackend', params: { backend: type } } });
      continue;
    }
    accept(out, 'rclone', undefined, draft, note);
  }
  return out;
}

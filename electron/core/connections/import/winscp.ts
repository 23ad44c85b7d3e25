/**
 * WinSCP's sites in `WinSCP.ini`: one `[Sessions\<name>]` section each, the name URL-encoded
 * with `/` between folders. Keys: `HostName`, `PortNumber`, `UserName`, `FSProtocol` (0 SCP,
 * 1 SFTP with SCP fallback, the default; 2 SFTP; 5 FTP; 6 WebDAV; 7 S3), `PublicKeyFile`,
 * `RemoteDirectory`, `Ftps` (for S3: 0 means plain HTTP), and `Password`, obfuscated.
 *
 * The obfuscation is WinSCP's published "simple" scheme (PWALG_SIMPLE in its source): hex
 * pairs, each byte stored as ~(byte ^ 0xA3); a 0xFF flag, a length, a count of filler bytes to
 * skip, then the bytes of user name + host name + password. With a master password set
 * (`UseMasterPassword=1` under `[Configuration\Security]`) passwords are AES-encrypted
 * instead: those are not read, and asked at connect.
 */
import type { ConnectionDraft, SftpConnectionDraft } from '../../../../shared/connections.js';
import { BookmarkFileRefused, accept, nameOf, portOf, s3KeysDraft, sftpDraft, unsupportedProtocol, type ParsedBookmarks } from './importedBookmark.js';
import { parseIni } from './iniFile.js';

const MAGIC = 0xa3;
const FLAG = 0xff;

export function revealWinScpPassword(hex: string, user: string, host: string): string | undefined {
  if (!/^[0-9A-Fa-f]*$/.test(hex) || hex.length % 2 !== 0) return undefined;
  const bytes: number[] = [];
  for (let n = 0; n < hex.length; n += 2) bytes.push(~(parseInt(hex.slice(n, n + 2), 16) ^ MAGIC) & 0xff);
  let at = 0;
  const next = () => (at < bytes.length ? bytes[at++]! : undefined);
  const flag = next();
  if (flag === undefined) return undefined;
  let length: number | undefined = flag;
  if (flag === FLAG) {
    next();
    length = next();
  }
  const filler = next();
  if (length === undefined || filler === undefined) return undefined;
  at += filler;
  if (at + length > bytes.length) return undefined;
  const plain = Buffer.from(bytes.slice(at, at + length)).toString('utf8');
  const key = user + host;
  if (flag !== FLAG) return plain;
  return plain.startsWith(key) ? plain.slice(key.length) : undefined;
}

/** WinSCP writes values with `%XX` escapes; a value that is not valid escaping is kept as written. */
function unescape(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const PROTOCOL_NAMES: Record<string, string> = { '5': 'FTP', '6': 'WebDAV' };

export function parseWinScp(text: string): ParsedBookmarks {
  const sections = parseIni(text);
  const sessions = sections.filter((s) => /^Sessions\\/i.test(s.name));
  if (sessions.length === 0 && !sections.some((s) => /^Configuration\\/i.test(s.name))) {
    throw new BookmarkFileRefused('coreConnections:import.notWinScp');
  }
  const masterPassword = sections.some((s) => /^Configuration\\Security$/i.test(s.name) && s.values.get('UseMasterPassword') === '1');
  const out: ParsedBookmarks = { bookmarks: [], skipped: [] };
  for (const section of sessions) {
    const path = (unescape(section.name.slice('Sessions\\'.length)) ?? '').split('/');
    const sessionName = path.pop() ?? '';
    if (sessionName === 'Default Settings') continue;
    const group = path.length > 0 ? path.join(' / ') : undefined;
    const v = section.values;
    const host = unescape(v.get('HostName')) ?? '';
    const user = unescape(v.get('UserName')) ?? '';
    const name = nameOf(sessionName, host);
    const port = portOf(v.get('PortNumber'));
    const stored = v.get('Password');
    const secret = stored && !masterPassword ? revealWinScpPassword(stored, user, host) : undefined;
    const note = stored && masterPassword ? { key: 'coreConnections:import.winscpMasterPassword' } : undefined;
    const protocol = v.get('FSProtocol') ?? '1';
    let draft: ConnectionDraft;
    if (protocol === '0' || protocol === '1' || protocol === '2') {
      const keyPath = unescape(v.get('PublicKeyFile'));
      const auth: SftpConnectionDraft['auth'] = keyPath ? { kind: 'key', keyPath } : { kind: 'password', password: secret };
      draft = sftpDraft({ name, host, port, username: user, auth, initialPath: unescape(v.get('RemoteDirectory')) });
    } else if (protocol === '7') {
      const secure = (v.get('Ftps') ?? '0') !== '0';
      const bucket = unescape(v.get('RemoteDirectory'))?.split('/').find((s) => s !== '');
      draft = s3KeysDraft({ name, host, port, secure, region: v.get('S3DefaultRegion'), accessKeyId: user, secret, bucket });
    } else {
      unsupportedProtocol(out, 'winscp', { name, group, host: host || undefined }, PROTOCOL_NAMES[protocol] ?? protocol);
      continue;
    }
    accept(out, 'winscp', group, draft, note);
  }
  return out;
}

/**
 * FileZilla's Site Manager (`sitemanager.xml`): `<FileZilla3><Servers>` holds `<Server>`s and
 * `<Folder>`s (a folder's own text is its name; folders nest). A server has `Host`, `Port`,
 * `Protocol` (FileZilla's ServerProtocol numbers: 1 SFTP, 7 S3, 0/3/4/6 kinds of FTP...),
 * `User`, `Logontype` (1 normal, 2 ask, 3 interactive, 5 key file...), `Keyfile`, `Name`,
 * `RemoteDir`, and `Pass`: base64 with `encoding="base64"`, or sealed with the master
 * password (`encoding="crypt"`), which Stowage cannot open: the password is asked at connect.
 */
import type { ConnectionDraft, SftpConnectionDraft } from '../../../../shared/connections.js';
import type { CatalogText } from '../../../../shared/i18n/catalogText.js';
import { BookmarkFileRefused, accept, nameOf, portOf, s3KeysDraft, sftpDraft, unsupportedProtocol, type ParsedBookmarks } from './importedBookmark.js';
import { child, childText, parseXml, type XmlElement } from './safeXml.js';

const PROTOCOL_NAMES: Record<string, string> = {
  '0': 'FTP',
  '2': 'HTTP',
  '3': 'FTPS',
  '4': 'FTPES',
  '5': 'HTTPS',
  '6': 'FTP',
  '8': 'Storj',
  '9': 'WebDAV',
  '10': 'Azure File',
  '11': 'Azure Blob',
  '12': 'OpenStack Swift',
  '13': 'Google Cloud Storage',
  '14': 'Google Drive',
  '15': 'Dropbox',
  '16': 'OneDrive',
  '17': 'Backblaze B2',
  '18': 'Box',
  '19': 'WebDAV',
};

/** `RemoteDir` is "type prefixLength (length segment)…": `1 0 4 home 3 web` is /home/web. */
function remoteDir(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const parts: string[] = [];
  let rest = value.replace(/^\d+ \d+ ?/, '');
  while (rest !== '') {
    const m = /^(\d+) /.exec(rest);
    if (!m) return undefined;
    const length = Number(m[1]);
    parts.push(rest.slice(m[0].length, m[0].length + length));
    rest = rest.slice(m[0].length + length).replace(/^ /, '');
  }
  return parts.length > 0 ? `/${parts.join('/')}` : undefined;
}

function password(server: XmlElement): { secret?: string; note?: CatalogText } {
  const pass = child(server, 'Pass');
  if (!pass || pass.text.trim() === '') return {};
  const encoding = pass.attributes.encoding;
  if (encoding === 'crypt') return { note: { key: 'coreConnections:import.filezillaMasterPassword' } };
  if (encoding === 'base64') return { secret: Buffer.from(pass.text.trim(), 'base64').toString('utf8') };
  return { secret: pass.text };
}

function server(into: ParsedBookmarks, element: XmlElement, group: string | undefined): void {
  const host = childText(element, 'Host') ?? '';
  const name = nameOf(childText(element, 'Name'), host);
  const protocol = childText(element, 'Protocol') ?? '0';
  const port = portOf(childText(element, 'Port'));
  const logon = childText(element, 'Logontype') ?? '1';
  const user = childText(element, 'User') ?? '';
  const { secret, note } = password(element);
  let draft: ConnectionDraft;
  if (protocol === '1') {
    const keyPath = childText(element, 'Keyfile');
    const auth: SftpConnectionDraft['auth'] =
      logon === '5' && keyPath
        ? { kind: 'key', keyPath }
        : logon === '3'
          ? { kind: 'keyboardInteractive', password: secret }
          : logon === '6'
            ? { kind: 'agent' }
            : { kind: 'password', password: logon === '2' ? undefined : secret };
    draft = sftpDraft({ name, host, port, username: user, auth, initialPath: remoteDir(childText(element, 'RemoteDir')) });
  } else if (protocol === '7') {
    const bucket = remoteDir(childText(element, 'RemoteDir'))?.split('/')[1];
    draft = s3KeysDraft({ name, host, port, secure: port !== 80, accessKeyId: user, secret, bucket });
  } else {
    unsupportedProtocol(into, 'filezilla', { name, group, host: host || undefined }, PROTOCOL_NAMES[protocol] ?? protocol);
    return;
  }
  accept(into, 'filezilla', group, draft, note);
}

function walk(into: ParsedBookmarks, element: XmlElement, group: string | undefined): void {
  for (const item of element.children) {
    if (item.name === 'Server') server(into, item, group);
    else if (item.name === 'Folder') {
      const name = item.text.trim();
      walk(into, item, group && name ? `${group} / ${name}` : name || group);
    }
  }
}

export function parseFileZilla(xml: string): ParsedBookmarks {
  const root = parseXml(xml);
  const servers = root.name === 'FileZilla3' ? child(root, 'Servers') : undefined;
  if (!servers) throw new BookmarkFileRefused('coreConnections:import.notFileZilla');
  const out: ParsedBookmarks = { bookmarks: [], skipped: [] };
  walk(out, servers, undefined);
  return out;
}

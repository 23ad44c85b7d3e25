/**
 * Cyberduck bookmarks: one `.duck` file per bookmark, an XML property list whose dictionary
 * holds `Protocol` (sftp, s3, ftp, dav...), `Nickname`, `Hostname`, `Port`, `Username`,
 * `Path` and the key file (`Private Key File`, or `Private Key File Dictionary`'s `Path`).
 * Cyberduck keeps passwords in the OS keychain, never in the file.
 */
import { BookmarkFileRefused, accept, nameOf, portOf, s3KeysDraft, sftpDraft, unsupportedProtocol, type ParsedBookmarks } from './importedBookmark.js';
import { child, parseXml, type XmlElement } from './safeXml.js';

type PlistValue = string | PlistDict;
interface PlistDict {
  [key: string]: PlistValue;
}

/** A plist `<dict>` as key → string (or nested dict); arrays and data are left out. */
function dictOf(element: XmlElement): PlistDict {
  const out: PlistDict = {};
  const items = element.children;
  for (let n = 0; n + 1 < items.length; n++) {
    if (items[n]!.name !== 'key') continue;
    const value = items[n + 1]!;
    const key = items[n]!.text.trim();
    if (value.name === 'string' || value.name === 'integer') out[key] = value.text.trim();
    else if (value.name === 'true' || value.name === 'false') out[key] = value.name;
    else if (value.name === 'dict') out[key] = dictOf(value);
  }
  return out;
}

const text = (value: PlistValue | undefined): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

const PROTOCOL_NAMES: Record<string, string> = { ftp: 'FTP', ftps: 'FTPS', dav: 'WebDAV', davs: 'WebDAV (HTTPS)', swift: 'OpenStack Swift', azure: 'Azure', b2: 'Backblaze B2', googledrive: 'Google Drive', dropbox: 'Dropbox', onedrive: 'OneDrive' };

export function parseCyberduck(xml: string): ParsedBookmarks {
  const root = parseXml(xml);
  const dict = root.name === 'plist' ? child(root, 'dict') : undefined;
  if (!dict) throw new BookmarkFileRefused('coreConnections:import.notCyberduck');
  const d = dictOf(dict);
  const out: ParsedBookmarks = { bookmarks: [], skipped: [] };
  const protocol = (text(d.Protocol) ?? '').toLowerCase();
  const host = text(d.Hostname) ?? '';
  const name = nameOf(text(d.Nickname), host);
  const port = portOf(text(d.Port));
  const path = text(d.Path);
  if (protocol === 'sftp' || protocol === 'scp') {
    const keyDict = d['Private Key File Dictionary'];
    const keyPath = text(d['Private Key File']) ?? (typeof keyDict === 'object' ? text(keyDict.Path) : undefined);
    accept(out, 'cyberduck', undefined, sftpDraft({ name, host, port, username: text(d.Username) ?? '', auth: keyPath ? { kind: 'key', keyPath } : { kind: 'password' }, initialPath: path }));
  } else if (protocol === 's3') {
    const bucket = path?.split('/').find((s) => s !== '');
    const at = host || 's3.amazonaws.com';
    accept(out, 'cyberduck', undefined, s3KeysDraft({ name, host: at, port, secure: port !== 80, region: text(d.Region), accessKeyId: text(d.Username) ?? '', bucket }));
  } else {
    unsupportedProtocol(out, 'cyberduck', { name, host: host || undefined }, PROTOCOL_NAMES[protocol] ?? (protocol || '?'));
  }
  return out;
}

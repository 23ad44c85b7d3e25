import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

// Control characters and the characters Windows forbids in names.
const forbidden = /[\u0000-\u001f\u007f<>:"|?*\\]/g;
// Bidi and zero-width controls: harmless to the file system, but `\u202Egnp.exe` reads as
// "exe.png" in a file manager, so they never reach a local name.
const invisible = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
const windowsReserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
/** The longest name most file systems take (ext4, APFS, NTFS count up to 255). */
export const maxNameBytes = 255;
// A key's last segment `.` or `..` names a file, not a step in the tree; like rclone, it is
// kept visible with fullwidth dots instead of being dropped (it would land on the folder).
const dotNames: Record<string, string> = { '.': '\uff0e', '..': '\uff0e\uff0e' };

/** Cuts a name to `max` bytes, keeping its extension (short ones) and never splitting a character. */
export function shortenName(name: string, max = maxNameBytes): string {
  if (Buffer.byteLength(name) <= max) return name;
  const ext = extname(name);
  const keep = Buffer.byteLength(ext) <= 32 ? ext : '';
  let stem = name.slice(0, name.length - keep.length);
  while (stem && Buffer.byteLength(stem + keep) > max) stem = [...stem].slice(0, -1).join('');
  return stem + keep;
}

function cleanSegment(segment: string, last: boolean): string | null {
  if (last && dotNames[segment]) return dotNames[segment];
  let s = segment.replace(forbidden, '_').replace(invisible, '_').replace(/[. ]+$/, '');
  if (s === '' || s === '.' || s === '..') return null;
  if (windowsReserved.test(s)) s = `_${s}`;
  return shortenName(s);
}

export interface LocalTarget {
  path: string;
  /** The remote name was too long for a local file and was cut. */
  shortened: boolean;
}

/**
 * Where a remote object lands inside the chosen download folder. Remote names are
 * hostile until proven otherwise: `../`, absolute keys, backslashes, drive letters, control
 * and bidi characters are neutralised, and the result is proven to stay inside `folder`.
 */
export function safeLocalTarget(folder: string, remoteRelativePath: string): LocalTarget {
  const raw = remoteRelativePath.split('/');
  const segments = raw.map((s, i) => cleanSegment(s, i === raw.length - 1)).filter((s): s is string => s !== null);
  if (segments.length === 0) segments.push('download');
  const root = resolve(folder);
  const target = resolve(join(root, ...segments));
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    throw new Error(`Refusing to write outside the download folder: ${remoteRelativePath}`);
  }
  const shortened = raw.some((s) => Buffer.byteLength(s) > maxNameBytes);
  return { path: target, shortened };
}

export const safeLocalPath = (folder: string, remoteRelativePath: string): string => safeLocalTarget(folder, remoteRelativePath).path;

import { isAbsolute, join, relative, resolve, sep } from 'node:path';

// Control characters and the characters Windows forbids in names.
const forbidden = /[\u0000-\u001f\u007f<>:"|?*\\]/g;
const windowsReserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

function cleanSegment(segment: string): string | null {
  let s = segment.replace(forbidden, '_').replace(/[. ]+$/, '');
  if (s === '' || s === '.' || s === '..') return null;
  if (windowsReserved.test(s)) s = `_${s}`;
  // Keep names within common file system limits (255 bytes).
  while (Buffer.byteLength(s) > 255) s = s.slice(0, -1);
  return s;
}

/**
 * Where a remote object lands inside the chosen download folder. Remote names are
 * hostile until proven otherwise: `../`, absolute keys, backslashes, drive letters and
 * control characters are neutralised, and the result is proven to stay inside `folder`.
 */
export function safeLocalPath(folder: string, remoteRelativePath: string): string {
  const segments = remoteRelativePath
    .split('/')
    .map(cleanSegment)
    .filter((s): s is string => s !== null);
  if (segments.length === 0) segments.push('download');
  const root = resolve(folder);
  const target = resolve(join(root, ...segments));
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    throw new Error(`Refusing to write outside the download folder: ${remoteRelativePath}`);
  }
  return target;
}

/** POSIX permission bits as people read and type them: `rwxr-xr-x`, `755`. */
import type { FileEntry } from '../../../../shared/files.js';

/** Who and what, in bit order (their words are the catalog's). */
export const WHO = ['owner', 'group', 'others'] as const;
export const WHAT = ['read', 'write', 'execute'] as const;

/** The bit for who (0 owner, 1 group, 2 others) and what (0 read, 1 write, 2 execute). */
export const bitFor = (who: number, what: number) => 1 << ((2 - who) * 3 + (2 - what));

/** `ls -l` style: type letter, then rwx three times, with s/S/t/T for the special bits. */
export function formatPermissions(entry: Pick<FileEntry, 'kind' | 'permissions'>): string {
  const mode = entry.permissions;
  if (mode === undefined) return '';
  const type = entry.kind === 'folder' ? 'd' : entry.kind === 'symlink' ? 'l' : '-';
  let out = type;
  const specials = [0o4000, 0o2000, 0o1000];
  for (let who = 0; who < 3; who++) {
    out += mode & bitFor(who, 0) ? 'r' : '-';
    out += mode & bitFor(who, 1) ? 'w' : '-';
    const x = (mode & bitFor(who, 2)) !== 0;
    const special = (mode & specials[who]!) !== 0;
    const letter = who === 2 ? 't' : 's';
    out += special ? (x ? letter : letter.toUpperCase()) : x ? 'x' : '-';
  }
  return out;
}

/** `0755` → 0o755; undefined unless it is 3 or 4 octal digits. */
export function parseOctal(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[0-7]{3,4}$/.test(trimmed)) return undefined;
  return parseInt(trimmed, 8);
}

export const toOctal = (mode: number) => (mode & 0o7777).toString(8).padStart(mode & 0o7000 ? 4 : 3, '0');

/**
 * The local disk's paths as the browser sees them: absolute POSIX paths on every system, so
 * the path bar, parents and breadcrumbs work as for SFTP. On Windows the drives are the top
 * level: `/C:/Users/ana` is `C:\Users\ana`, and `/` lists the drives.
 */
import { posix, win32 } from 'node:path';
import { browserPathOf, driveOf, hostPathOf } from '../../../shared/localDisk.js';
import { codedError } from '../errors.js';

export type LocalPlatform = 'posix' | 'windows';

export const hostPlatform = (): LocalPlatform => (process.platform === 'win32' ? 'windows' : 'posix');

/** The browser path in its one spelling: absolute, no `.`/`..` segments, no trailing `/` (except `/`). */
export function normalizeLocalPath(path: string): string {
  if (!path.startsWith('/')) throw codedError('invalidInput', 'coreLocal:notAbsolute', { path });
  const normal = posix.normalize(path).replace(/\/+$/, '');
  return normal === '' ? '/' : normal;
}

/** The path node:fs takes for a browser path; undefined for Windows' `/` (the list of drives, no folder). */
export function toNative(path: string, platform: LocalPlatform = hostPlatform()): string | undefined {
  const normal = normalizeLocalPath(path);
  if (platform === 'posix') return normal;
  if (normal === '/') return undefined;
  if (!driveOf(normal)) throw codedError('notFound', 'coreLocal:noSuchDrive', { path: normal });
  return win32.normalize(hostPathOf(normal, true));
}

/** The browser path of a native one (`C:\Users` → `/C:/Users`). */
export function fromNative(native: string, platform: LocalPlatform = hostPlatform()): string {
  if (platform === 'posix') return normalizeLocalPath(native);
  return browserPathOf(win32.normalize(native), true);
}

/** A browser path inside `folder`. */
export const localChild = (folder: string, name: string): string => (folder === '/' ? `/${name}` : `${folder}/${name}`);

/** Whether `to` is `from` itself or inside it. */
export const isSameOrInside = (from: string, to: string): boolean => to === from || to.startsWith(`${from}/`);

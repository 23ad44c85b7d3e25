/**
 * Path helpers both sides need. S3 paths are `/bucket/key...` (folders end with `/`);
 * SFTP paths are absolute POSIX paths (folders without a trailing `/`, except `/`).
 */
import type { Protocol } from './files.js';

export interface Crumb {
  label: string;
  path: string;
}

/** An SFTP path without trailing slashes, `/` for the root. */
export function trimSftpPath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

export function parentPath(protocol: Protocol, path: string): string | null {
  if (path === '/' || path === '') return null;
  if (protocol === 's3') {
    const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
    const cut = trimmed.lastIndexOf('/');
    return cut <= 0 ? '/' : trimmed.slice(0, cut + 1);
  }
  const trimmed = path.replace(/\/+$/, '');
  const cut = trimmed.lastIndexOf('/');
  return cut <= 0 ? '/' : trimmed.slice(0, cut);
}

export function childPath(protocol: Protocol, folder: string, name: string, isFolder: boolean): string {
  if (protocol === 's3') {
    const base = folder.endsWith('/') ? folder : `${folder}/`;
    return `${base}${name}${isFolder ? '/' : ''}`;
  }
  return folder === '/' ? `/${name}` : `${folder.replace(/\/+$/, '')}/${name}`;
}

export function breadcrumbs(protocol: Protocol, path: string): Crumb[] {
  const crumbs: Crumb[] = [{ label: protocol === 's3' ? 'Buckets' : '/', path: '/' }];
  if (path === '/') return crumbs;
  if (protocol === 's3') {
    // Split on '/' but keep empty segments: S3 keys may contain '//'.
    const body = path.slice(1).replace(/\/$/, '');
    let acc = '/';
    for (const segment of body.split('/')) {
      acc += `${segment}/`;
      crumbs.push({ label: segment === '' ? '(empty)' : segment, path: acc });
    }
    return crumbs;
  }
  let acc = '';
  for (const segment of path.split('/').filter(Boolean)) {
    acc += `/${segment}`;
    crumbs.push({ label: segment, path: acc });
  }
  return crumbs;
}

/** `/bucket/key` → { bucket, key }; `/` → { bucket: '' , key: '' }. */
export function splitS3Path(path: string): { bucket: string; key: string } {
  if (!path.startsWith('/')) throw new Error(`S3 paths start with "/": ${path}`);
  const rest = path.slice(1);
  const cut = rest.indexOf('/');
  if (cut === -1) return { bucket: rest, key: '' };
  return { bucket: rest.slice(0, cut), key: rest.slice(cut + 1) };
}

export function baseName(path: string): string {
  const trimmed = path.endsWith('/') && path.length > 1 ? path.slice(0, -1) : path;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

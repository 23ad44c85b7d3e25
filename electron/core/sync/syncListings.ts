import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { codedError, throwIfAborted } from '../errors.js';
import type { RemoteFileSystem, RemoteSession } from '../fs/remoteFileSystem.js';
import { eachLimited } from '../lib/eachLimited.js';
import { Gate } from '../lib/gate.js';
import type { SideFile } from './compareRule.js';
import type { ExcludeTest } from './excludes.js';
import type { Listing } from './syncSide.js';

export interface LocalFile extends SideFile {
  /** Nanoseconds, for rclone's x-amz-meta-mtime on upload. */
  mtimeNs: bigint;
}

const statsInFlight = 16;
const foldersInFlight = 8;

/** The local folder, recursively; excluded folders are not walked. */
export async function listLocal(root: string, excluded: ExcludeTest): Promise<Listing<LocalFile>> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw codedError('notFound', 'coreSync:localFolderMissing', { path: root });
  const files = new Map<string, LocalFile>();
  const folders = new Set<string>();
  const walk = async (dir: string, rel: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    const subfolders: [string, string][] = [];
    const found: [string, string][] = [];
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!excluded.folder(childRel)) subfolders.push([join(dir, e.name), childRel]);
      } else if (e.isFile() && !excluded.file(childRel)) found.push([join(dir, e.name), childRel]);
    }
    await eachLimited(found, statsInFlight, async ([full, childRel]) => {
      const s = await stat(full, { bigint: true });
      files.set(childRel, { relativePath: childRel, size: Number(s.size), writtenMs: Number(s.mtimeNs) / 1e6, mtimeNs: s.mtimeNs });
    });
    for (const [full, childRel] of subfolders) {
      folders.add(childRel);
      await walk(full, childRel);
    }
  };
  await walk(root, '');
  return { files, folders, requests: 0 };
}

/** A folder walked through the session's file system, several folders listed at once. */
async function listRemoteTree(fs: RemoteFileSystem, remotePath: string, excluded: ExcludeTest, signal?: AbortSignal): Promise<Listing> {
  const files = new Map<string, SideFile>();
  const folders = new Set<string>();
  let requests = 1;
  // Only a folder that is not there is empty; a stat refused or cut off fails the plan, so a
  // mirror never deletes everything because a listing could not be read.
  const root = await fs.stat(remotePath).catch((error: unknown) => {
    if ((error as { kind?: string }).kind === 'notFound') return undefined;
    throw error;
  });
  if (!root) return { files, folders, requests, missing: true }; // not there yet: the first upload makes it
  if (root.kind !== 'folder') throw codedError('invalidInput', 'coreSync:remoteNotFolder', { path: remotePath });
  const gate = new Gate(foldersInFlight);
  const open = signal ?? new AbortController().signal;
  const walk = async (path: string, rel: string): Promise<void> => {
    const subfolders: [string, string][] = [];
    await gate.enter(open);
    try {
      let cursor: string | undefined;
      do {
        throwIfAborted(signal);
        const page = await fs.list(path, cursor);
        requests++;
        for (const e of page.entries) {
          const childRel = rel ? `${rel}/${e.name}` : e.name;
          if (e.kind === 'folder') {
            if (excluded.folder(childRel)) continue;
            folders.add(childRel);
            subfolders.push([e.path, childRel]);
          } else if ((e.kind === 'file' || e.linkTargetKind === 'file') && !excluded.file(childRel)) {
            files.set(childRel, { relativePath: childRel, size: e.size ?? 0, writtenMs: e.modified ?? 0 });
          }
        }
        cursor = page.nextCursor;
      } while (cursor);
    } finally {
      gate.leave();
    }
    await Promise.all(subfolders.map(([p, r]) => walk(p, r)));
  };
  await walk(remotePath, '');
  return { files, folders, requests };
}

/** Every file under a remote folder: the way its store lists best, else a walk. */
export function listRemote(session: RemoteSession, remotePath: string, excluded: ExcludeTest, signal?: AbortSignal): Promise<Listing> {
  return session.sync ? session.sync.listTree(remotePath, excluded, signal) : listRemoteTree(session.fs, remotePath, excluded, signal);
}

/** The remote path of a relative path under the sync's remote folder. */
export function remoteChild(protocol: RemoteFileSystem['protocol'], remoteRoot: string, rel: string): string {
  if (protocol === 's3') return `${remoteRoot.endsWith('/') ? remoteRoot : `${remoteRoot}/`}${rel}`;
  return `${remoteRoot.replace(/\/+$/, '')}/${rel}`;
}

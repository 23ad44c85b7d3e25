import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { coreMessage, type CoreMessage } from '../../../shared/i18n/englishMessages.js';
import { childPath } from '../../../shared/paths.js';
import type { FileEntry } from '../../../shared/files.js';
import { folderByName, type RemoteFileSystem } from '../fs/remoteFileSystem.js';
import { eachLimited } from '../lib/eachLimited.js';

const statsInFlight = 16;

/** The chosen folder a file was found in (`source`: its index in the request). */
export interface SourceFolder {
  source: number;
  name: string;
  localPath: string;
  remotePath: string;
}

export interface UploadItem {
  localPath: string;
  remotePath: string;
  size: number;
  folder?: SourceFolder;
}

export interface DownloadItem {
  remotePath: string;
  /** Path under the download folder, `/`-separated, still to be made safe. */
  relativePath: string;
  size?: number;
  /** Why this object lands under another name, for the transfer's details. */
  note?: CoreMessage;
  /** The chosen remote folder it was found in; `localPath` is filled in once local names are planned. */
  folder?: SourceFolder;
}

/** Local files and folders → one upload per file; folders keep their tree as key paths. */
export async function expandUploads(fs: RemoteFileSystem, localPaths: string[], remoteFolder: string): Promise<UploadItem[]> {
  const items: UploadItem[] = [];
  for (const [source, localPath] of localPaths.entries()) {
    const info = await stat(localPath);
    if (!info.isDirectory()) {
      items.push({ localPath, size: info.size, remotePath: childPath(fs.protocol, remoteFolder, basename(localPath), false) });
      continue;
    }
    const root = localPath.replace(/[\\/]+$/, '');
    const top = basename(root);
    const folder: SourceFolder = { source, name: top, localPath: root, remotePath: childPath(fs.protocol, remoteFolder, top, true) };
    const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    const found: UploadItem[] = new Array(files.length);
    // Many stats at once: one after another, a folder of 2,000 files took 80-120 ms before its first upload could start.
    await eachLimited(files, statsInFlight, async (entry, i) => {
      const full = join(entry.parentPath, entry.name);
      const rel = [top, ...relative(root, full).split(sep)].join('/');
      found[i] = { localPath: full, size: (await stat(full)).size, remotePath: joinRemote(fs, remoteFolder, rel), folder };
    });
    for (const item of found) items.push(item); // not push(...found): a folder of 200,000 files is too many arguments
  }
  return items;
}

/** A `/`-separated relative path under a remote folder, as the protocol spells paths. */
export function joinRemote(fs: RemoteFileSystem, folder: string, rel: string): string {
  return rel.split('/').reduce((acc, seg, i, all) => childPath(fs.protocol, acc, seg, i < all.length - 1), folder);
}

async function* listAll(fs: RemoteFileSystem, path: string): AsyncGenerator<FileEntry> {
  let cursor: string | undefined;
  do {
    const page = await fs.list(path, cursor);
    yield* page.entries;
    cursor = page.nextCursor;
  } while (cursor);
}

/**
 * An object whose key ends in `/` and holds bytes: no local file can have that name (the
 * folder has it), so its bytes land beside the folder under a name that says what it is.
 */
function folderObjectItem(entry: FileEntry, folderRel: string): DownloadItem {
  const relativePath = `${folderRel} (folder object)`;
  const note = coreMessage('coreTransfers:notes.folderObject', { bytes: entry.size ?? 0, name: relativePath.split('/').pop() ?? '' });
  return { remotePath: entry.path, relativePath, size: entry.size, note };
}

/** Remote files and folders → one download per file, keeping the folder tree. */
export async function expandDownloads(fs: RemoteFileSystem, remotePaths: string[]): Promise<DownloadItem[]> {
  const items: DownloadItem[] = [];
  const walk = async (folderPath: string, relBase: string, folder: SourceFolder) => {
    for await (const entry of listAll(fs, folderPath)) {
      const rel = `${relBase}/${entry.name}`;
      if (entry.folderObject) items.push({ ...folderObjectItem(entry, relBase), folder });
      else if (entry.kind === 'folder' || entry.kind === 'bucket') await walk(entry.path, rel, folder);
      else if (entry.kind === 'file' || entry.linkTargetKind === 'file') items.push({ remotePath: entry.path, relativePath: rel, size: entry.size, folder });
    }
  };
  for (const [source, remotePath] of remotePaths.entries()) {
    const isFolder = folderByName(fs, remotePath) ?? (await fs.stat(remotePath)).kind === 'folder';
    const name = remotePath.replace(/\/+$/, '').split('/').pop() || 'download';
    if (isFolder) await walk(remotePath, name, { source, name, localPath: '', remotePath });
    else items.push({ remotePath, relativePath: name });
  }
  return items;
}

/** Sorting, filtering and classifying folder entries. */
import type { FileEntry } from '../../../shared/files.js';
import { splitClassFilter } from '../features/buckets/storageClassFilter.js';

export type SortKey = 'name' | 'size' | 'modified' | 'storageClass' | 'permissions' | 'owner';
export type SortDir = 'asc' | 'desc';

export interface SortSpec {
  key: SortKey;
  dir: SortDir;
}

/** Things you can open like a folder: buckets, folders, links to folders. */
export function isContainer(entry: FileEntry): boolean {
  if (entry.kind === 'bucket' || entry.kind === 'folder') return true;
  return entry.kind === 'symlink' && entry.linkTargetKind === 'folder';
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export const compareNames = (a: string, b: string): number => collator.compare(a, b);

function compareBy(key: SortKey, a: FileEntry, b: FileEntry): number {
  switch (key) {
    case 'size':
      return (a.size ?? -1) - (b.size ?? -1);
    case 'modified':
      return (a.modified ?? 0) - (b.modified ?? 0);
    case 'storageClass':
      return collator.compare(a.storageClass ?? '', b.storageClass ?? '');
    case 'permissions':
      return (a.permissions ?? -1) - (b.permissions ?? -1);
    case 'owner':
      return collator.compare(`${a.owner ?? ''}:${a.group ?? ''}`, `${b.owner ?? ''}:${b.group ?? ''}`);
    case 'name':
      return 0;
  }
}

/** Folders first (always), then by the chosen column, then by name. */
export function sortEntries(entries: readonly FileEntry[], sort: SortSpec): FileEntry[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  // Decorate once: isContainer is cheap but called ~n·log n times otherwise.
  const rows = entries.map((entry) => ({ entry, folder: isContainer(entry) ? 0 : 1 }));
  rows.sort((x, y) => {
    if (x.folder !== y.folder) return x.folder - y.folder;
    const primary = sort.key === 'size' && x.folder === 0 ? 0 : compareBy(sort.key, x.entry, y.entry);
    if (primary !== 0) return primary * sign;
    const byName = collator.compare(x.entry.name, y.entry.name);
    return (sort.key === 'name' ? sign : 1) * byName;
  });
  return rows.map((row) => row.entry);
}

export function filterEntries(entries: readonly FileEntry[], filter: string): readonly FileEntry[] {
  const { text, storageClass } = splitClassFilter(filter);
  const needle = text.trim().toLocaleLowerCase();
  if (!needle && !storageClass) return entries;
  return entries.filter(
    (entry) => entry.name.toLocaleLowerCase().includes(needle) && (!storageClass || entry.storageClass === storageClass),
  );
}

export type FileCategory = 'image' | 'video' | 'audio' | 'archive' | 'code' | 'text' | 'document' | 'other';

const categories: Record<string, FileCategory> = {};
const add = (category: FileCategory, exts: string) => {
  for (const ext of exts.split(' ')) categories[ext] = category;
};
add('image', 'png jpg jpeg gif webp svg bmp tif tiff heic ico avif');
add('video', 'mp4 mov mkv avi webm m4v wmv');
add('audio', 'mp3 wav flac ogg m4a aac opus');
add('archive', 'zip tar gz tgz bz2 xz 7z rar zst parquet');
add('code', 'js ts tsx jsx json py rb go rs java c h cpp cs sh yml yaml toml xml html css sql php');
add('text', 'txt md log csv tsv ini conf cfg');
add('document', 'pdf doc docx xls xlsx ppt pptx odt ods rtf');

export function fileCategory(name: string): FileCategory {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return 'other';
  return categories[name.slice(dot + 1).toLowerCase()] ?? 'other';
}

import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { FileEntry } from '../../../shared/files.js';
import { baseName } from '../../../shared/paths.js';
import { decodeListedKey } from './s3Keys.js';

export interface ListedObject {
  key: string;
  size: number;
  modified?: number;
  storageClass: string;
  etag?: string;
}

/** One shared string per storage class: a 100,000-row listing holds 100,000 rows, not 100,000 copies. */
const storageClasses = new Map<string, string>();
function internClass(value: string | undefined): string {
  const v = value ?? 'STANDARD';
  let shared = storageClasses.get(v);
  if (!shared) storageClasses.set(v, (shared = v));
  return shared;
}

export interface RawPage {
  prefixes: string[];
  objects: ListedObject[];
  nextCursor?: string;
}

/** One ListObjectsV2 page, keys decoded. Without a delimiter it walks the whole tree. */
export async function listPage(
  client: S3Client,
  bucket: string,
  prefix: string,
  options: { delimiter?: string; cursor?: string; startAfter?: string; maxKeys?: number; signal?: AbortSignal },
): Promise<RawPage> {
  const out = await client.send(
    new ListObjectsV2Command({
      Bucket: bucket,
      Prefix: prefix || undefined,
      Delimiter: options.delimiter,
      MaxKeys: options.maxKeys ?? 1000,
      ContinuationToken: options.cursor,
      StartAfter: options.startAfter,
      EncodingType: 'url',
    }),
    { abortSignal: options.signal },
  );
  const encoded = out.EncodingType === 'url';
  const prefixes: string[] = [];
  for (const p of out.CommonPrefixes ?? []) if (p.Prefix) prefixes.push(decodeListedKey(p.Prefix, encoded));
  const objects: ListedObject[] = [];
  for (const o of out.Contents ?? []) {
    if (o.Key === undefined) continue;
    objects.push({
      key: decodeListedKey(o.Key, encoded),
      size: o.Size ?? 0,
      modified: o.LastModified?.getTime(),
      storageClass: internClass(o.StorageClass),
      etag: o.ETag,
    });
  }
  return { prefixes, objects, nextCursor: out.IsTruncated ? out.NextContinuationToken : undefined };
}

/** Every object under a prefix (recursively, or only at its level with `delimiter` '/'), page by page. */
export async function* walkObjects(
  client: S3Client,
  bucket: string,
  prefix: string,
  signal?: AbortSignal,
  delimiter?: string,
): AsyncGenerator<ListedObject[]> {
  let cursor: string | undefined;
  do {
    const page = await listPage(client, bucket, prefix, { cursor, signal, delimiter });
    if (page.objects.length) yield page.objects;
    cursor = page.nextCursor;
  } while (cursor);
}

/** A listing page as browser rows: folders (prefixes) and files under `prefix`. */
export function toEntries(bucket: string, prefix: string, page: RawPage): FileEntry[] {
  const entries: FileEntry[] = [];
  for (const p of page.prefixes) {
    entries.push({ name: p.slice(prefix.length, -1), path: `/${bucket}/${p}`, kind: 'folder' });
  }
  for (const o of page.objects) {
    // The `folder/` key of the folder being listed: a zero-byte marker is the folder itself;
    // one with bytes is an object of its own, so it shows (flagged) among the folder's rows.
    if (o.key === prefix) {
      if (o.size > 0) entries.push(folderObjectEntry(bucket, o.key, { size: o.size, modified: o.modified, storageClass: o.storageClass }));
      continue;
    }
    entries.push({
      name: o.key.slice(prefix.length),
      path: `/${bucket}/${o.key}`,
      kind: 'file',
      size: o.size,
      modified: o.modified,
      storageClass: o.storageClass,
      // No ETag on browse rows: ~50 bytes a row in a 100,000-key folder, and the
      // properties panel (HeadObject) shows it when asked.
    });
  }
  return entries;
}

/**
 * The row of a key ending in `/` that holds bytes: a file named after its folder plus `/`
 * (no child can have that name), flagged so the browser never treats its path as the folder.
 */
export function folderObjectEntry(bucket: string, key: string, facts: Pick<FileEntry, 'size' | 'modified' | 'storageClass' | 'etag'>): FileEntry {
  const path = `/${bucket}/${key}`;
  return { name: `${baseName(path)}/`, path, kind: 'file', folderObject: true, ...facts };
}

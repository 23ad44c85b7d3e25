/**
 * Searching S3: listings without a delimiter under the prefix, so a request brings up to 1,000
 * keys from anywhere in the tree (a listing by folders would cost a request per folder), several
 * ranges of keys at once (`rangeListing.ts`), so matches arrive in no particular order.
 * Folders have no objects of their own, so each folder between the prefix and a key is
 * offered once, the first time a key shows it.
 */
import type { FileEntry } from '../../../shared/files.js';
import { baseName, splitS3Path } from '../../../shared/paths.js';
import { codedError } from '../errors.js';
import type { S3FileSystem } from '../s3/s3FileSystem.js';
import { isDirectoryBucketOf } from '../s3/directoryBucketClients.js';
import { folderObjectEntry, listPage, type ListedObject } from '../s3/s3Listing.js';
import { listInRanges } from './rangeListing.js';
import type { SearchSource } from './searchRun.js';

/** Listers at once: enough to hide the server's round trips, few enough to leave the browser its share. */
const listers = 6;

export function s3SearchSource(fs: S3FileSystem, path: string): SearchSource {
  const { bucket, key } = splitS3Path(path);
  if (!bucket) throw codedError('unsupported', 'coreSearch:pickBucket');
  const prefix = key === '' || key.endsWith('/') ? key : `${key}/`;
  return async (sink) => {
    const client = await fs.clients.clientFor(bucket);
    const folders = new Set<string>();
    // Only matches become rows: a search of 100,000 keys that finds ten builds ten.
    const take = (objects: ListedObject[]) => {
      const found: FileEntry[] = [];
      for (const o of objects) {
        for (let cut = o.key.indexOf('/', prefix.length); cut !== -1; cut = o.key.indexOf('/', cut + 1)) {
          const folder = o.key.slice(0, cut + 1);
          if (folders.has(folder)) continue;
          folders.add(folder);
          const folderPath = `/${bucket}/${folder}`;
          const name = baseName(folderPath);
          if (sink.matches(name)) found.push({ name, path: folderPath, kind: 'folder' });
        }
        if (o.key.endsWith('/')) {
          // A zero-byte `folder/` key is the folder itself (offered above); one with bytes is an object too.
          if (o.size > 0 && o.key !== prefix) {
            const entry = folderObjectEntry(bucket, o.key, { size: o.size, modified: o.modified, storageClass: o.storageClass });
            if (sink.matches(entry.name)) found.push(entry);
          }
          continue;
        }
        const name = o.key.slice(o.key.lastIndexOf('/') + 1);
        if (sink.matches(name)) found.push({ name, path: `/${bucket}/${o.key}`, kind: 'file', size: o.size, modified: o.modified, storageClass: o.storageClass });
      }
      sink.listed(found, objects.length);
    };
    // Directory buckets list in no key order and take no StartAfter: one listing, page after page.
    if (isDirectoryBucketOf(client, bucket)) {
      let cursor: string | undefined;
      do {
        await sink.beforeRequest();
        const page = await listPage(client, bucket, prefix, { cursor, signal: sink.signal });
        take(page.objects);
        cursor = page.nextCursor;
      } while (cursor);
      return;
    }
    await listInRanges<ListedObject>({
      listers,
      prefix,
      take,
      async page(after) {
        let cursor: string | undefined;
        for (;;) {
          await sink.beforeRequest();
          const page = await listPage(client, bucket, prefix, { startAfter: after, cursor, signal: sink.signal });
          // Some servers send a truncated page with no keys: its token, not a last key, leads on.
          if (page.objects.length > 0 || !page.nextCursor) return { objects: page.objects, truncated: page.nextCursor !== undefined };
          cursor = page.nextCursor;
        }
      },
    });
  };
}

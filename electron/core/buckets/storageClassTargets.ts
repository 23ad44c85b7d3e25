import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { splitS3Path } from '../../../shared/paths.js';
import { walkObjects } from '../s3/s3Listing.js';

/** One object whose storage class is to change. */
export interface StorageClassTarget {
  path: string;
  /** Unknown when the object could not be read now: its change then reports why. */
  size?: number;
}

/** Above this many chosen files in one folder, one listing of the folder beats a HEAD per file. */
const headsPerFolder = 8;

type ClientFor = (bucket: string) => Promise<S3Client>;

/** The objects under a prefix (keys decoded as the browser's listing does), folder markers left out. */
async function* listed(client: S3Client, bucket: string, prefix: string, delimiter?: string) {
  for await (const page of walkObjects(client, bucket, prefix, undefined, delimiter)) {
    for (const o of page) if (!o.key.endsWith('/')) yield o;
  }
}

/** Sizes of chosen files that share a folder: a HEAD each when few, one listing of the folder when many. */
async function sizesIn(client: S3Client, bucket: string, folder: string, keys: string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  if (keys.length > headsPerFolder) {
    const wanted = new Set(keys);
    for await (const o of listed(client, bucket, folder, '/')) if (wanted.has(o.key)) sizes.set(o.key, o.size);
    return sizes;
  }
  await Promise.all(
    keys.map(async (key) => {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).catch(() => undefined);
      if (head?.ContentLength !== undefined) sizes.set(key, head.ContentLength);
    }),
  );
  return sizes;
}

/**
 * Every object the chosen paths stand for: the chosen files first, then everything under
 * each chosen folder (a path ending in '/') or bucket, folder markers left out.
 */
export async function storageClassTargets(clientFor: ClientFor, paths: string[]): Promise<StorageClassTarget[]> {
  const out: StorageClassTarget[] = [];
  const files = new Map<string, { bucket: string; folder: string; keys: string[] }>();
  for (const path of new Set(paths)) {
    const { bucket, key } = splitS3Path(path);
    if (key === '' || key.endsWith('/')) {
      const client = await clientFor(bucket);
      for await (const o of listed(client, bucket, key)) out.push({ path: `/${bucket}/${o.key}`, size: o.size });
      continue;
    }
    const folder = key.slice(0, key.lastIndexOf('/') + 1);
    const group = files.get(`${bucket}/${folder}`) ?? { bucket, folder, keys: [] };
    group.keys.push(key);
    files.set(`${bucket}/${folder}`, group);
  }
  const chosen: StorageClassTarget[] = [];
  for (const { bucket, folder, keys } of files.values()) {
    const sizes = await sizesIn(await clientFor(bucket), bucket, folder, keys);
    for (const key of keys) chosen.push({ path: `/${bucket}/${key}`, size: sizes.get(key) });
  }
  return [...chosen, ...out];
}

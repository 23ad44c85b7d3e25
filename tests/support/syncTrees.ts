// Folder trees for the sync tests and bench: write one, and read a local folder or an S3 prefix as key -> size + sha256.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';

export type TreeDigest = Map<string, { size: number; sha256: string }>;

const sha256 = (body: Uint8Array) => createHash('sha256').update(body).digest('hex');

/** Every file under `root` by `/`-separated relative path. */
export async function localDigest(root: string, skip: (rel: string) => boolean = () => false): Promise<TreeDigest> {
  const out: TreeDigest = new Map();
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    const rel = relative(root, full).split(sep).join('/');
    if (skip(rel)) continue;
    const body = await readFile(full);
    out.set(rel, { size: (await stat(full)).size, sha256: sha256(body) });
  }
  return out;
}

/** Every object under `prefix` (ending in `/`), by key relative to it, read in full. */
export async function s3Digest(client: S3Client, bucket: string, prefix: string, inFlight = 16): Promise<TreeDigest> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const o of page.Contents ?? []) keys.push(o.Key!);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  const out: TreeDigest = new Map();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < keys.length) {
        const key = keys[next++]!;
        const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const body = await got.Body!.transformToByteArray();
        out.set(key.slice(prefix.length), { size: body.length, sha256: sha256(body) });
      }
    }),
  );
  return out;
}

/** The digests as a sorted plain object, for a readable `toEqual`. */
export function sortedDigest(digest: TreeDigest): Record<string, string> {
  return Object.fromEntries([...digest.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, `${v.size}:${v.sha256}`]));
}

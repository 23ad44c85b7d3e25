/** Whole-tree operations on S3 paths: count, delete, copy and move files and folders. */
import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { DeleteReport, TreeSummary } from '../../../shared/files.js';
import { splitS3Path } from '../../../shared/paths.js';
import { codedError } from '../errors.js';
import { eachLimited } from '../lib/eachLimited.js';
import { copyObject, type CopyOptions } from './s3Copy.js';
import { httpStatusOf } from './s3Errors.js';
import { deleteKeys } from './s3Delete.js';
import { walkObjects, type ListedObject } from './s3Listing.js';
import type { RegionalClients } from './s3Regions.js';

/** Server-side copies in flight at once. */
const copiesInFlight = 8;

function objectPath(path: string): { bucket: string; key: string } {
  const { bucket, key } = splitS3Path(path);
  if (!bucket) throw codedError('invalidInput', 'coreS3:tree.noBucket');
  if (!key) throw codedError('unsupported', 'coreS3:tree.wholeBucket');
  return { bucket, key };
}

/** What a delete or copy of these paths would touch, folders counted recursively. */
export async function summarizeTree(clients: RegionalClients, paths: string[], signal?: AbortSignal): Promise<TreeSummary> {
  const summary: TreeSummary = { files: 0, folders: 0, bytes: 0 };
  for (const path of paths) {
    const { bucket, key } = objectPath(path);
    const client = await clients.clientFor(bucket);
    if (!key.endsWith('/')) {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
      summary.files++;
      summary.bytes += head.ContentLength ?? 0;
      continue;
    }
    const folders = new Set<string>([key]);
    for await (const page of walkObjects(client, bucket, key, signal)) {
      for (const o of page) {
        // Every prefix between the folder and the key is a folder, marker or not.
        for (let cut = o.key.indexOf('/', key.length); cut !== -1; cut = o.key.indexOf('/', cut + 1)) {
          folders.add(o.key.slice(0, cut + 1));
        }
        // A `folder/` key with bytes is an object the listing shows (flagged): it counts as a file.
        if (!o.key.endsWith('/') || o.size > 0) {
          summary.files++;
          summary.bytes += o.size;
        }
      }
    }
    summary.folders += folders.size;
  }
  return summary;
}

/** Deletes files and whole folders (every key under the prefix), 1000 keys per request. */
export async function deleteTree(
  clients: RegionalClients,
  paths: string[],
  onProgress?: (deleted: number) => void,
  signal?: AbortSignal,
): Promise<DeleteReport> {
  const report: DeleteReport = { deleted: 0, failed: [] };
  const add = (part: DeleteReport) => {
    report.deleted += part.deleted;
    report.failed.push(...part.failed);
    onProgress?.(report.deleted);
  };
  const files = new Map<string, string[]>();
  for (const path of paths) {
    let ref: { bucket: string; key: string };
    try {
      ref = objectPath(path);
    } catch (error) {
      report.failed.push({ path, message: (error as Error).message });
      continue;
    }
    if (!ref.key.endsWith('/')) {
      files.set(ref.bucket, [...(files.get(ref.bucket) ?? []), ref.key]);
      continue;
    }
    const client = await clients.clientFor(ref.bucket);
    for await (const page of walkObjects(client, ref.bucket, ref.key, signal)) {
      add(await deleteKeys(client, ref.bucket, page.map((o) => o.key), signal));
    }
  }
  for (const [bucket, keys] of files) add(await deleteKeys(await clients.clientFor(bucket), bucket, keys, signal));
  return report;
}

async function exists(clients: RegionalClients, bucket: string, key: string): Promise<boolean> {
  const client = await clients.clientFor(bucket);
  if (key.endsWith('/')) {
    const out = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: key, MaxKeys: 1 }));
    return (out.KeyCount ?? out.Contents?.length ?? 0) > 0;
  }
  try {
    await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    if (httpStatusOf(error) === 404) return false;
    throw error;
  }
}

interface TreeCopyOptions {
  /** Delete each source key once its copy is done (a move). */
  move: boolean;
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
  copy?: Pick<CopyOptions, 'multipartAbove'>;
}

/** Copies (or moves) a file or a folder to `toPath`, server-side, refusing to overwrite. */
export async function copyTree(clients: RegionalClients, fromPath: string, toPath: string, options: TreeCopyOptions): Promise<void> {
  const from = objectPath(fromPath);
  const to = objectPath(toPath);
  const isFolder = from.key.endsWith('/');
  if (isFolder !== to.key.endsWith('/')) {
    throw codedError('invalidInput', isFolder ? 'coreS3:tree.folderStaysFolder' : 'coreS3:tree.fileStaysFile');
  }
  if (from.bucket === to.bucket && from.key === to.key) throw codedError('invalidInput', 'coreS3:tree.sameName');
  if (isFolder && from.bucket === to.bucket && to.key.startsWith(from.key)) {
    throw codedError('invalidInput', 'coreS3:tree.intoItself');
  }
  if (await exists(clients, to.bucket, to.key)) {
    throw codedError('conflict', 'coreS3:tree.exists', { path: toPath });
  }
  const source = await clients.clientFor(from.bucket);
  const target = await clients.clientFor(to.bucket);
  let done = 0;
  const copyPage = async (objects: ListedObject[]) => {
    await eachLimited(objects, copiesInFlight, async (o) => {
      const key = to.key + o.key.slice(from.key.length);
      await copyObject(target, { bucket: from.bucket, key: o.key }, { bucket: to.bucket, key }, {
        size: o.size,
        signal: options.signal,
        ...options.copy,
      });
      options.onProgress?.(++done);
    });
    if (options.move) {
      const report = await deleteKeys(source, from.bucket, objects.map((o) => o.key), options.signal);
      if (report.failed.length) {
        const [first] = report.failed;
        throw codedError('permission', 'coreS3:tree.originalKept', { path: first!.path, detail: first!.message });
      }
    }
  };
  if (!isFolder) {
    const head = await source.send(new HeadObjectCommand({ Bucket: from.bucket, Key: from.key }));
    await copyPage([{ key: from.key, size: head.ContentLength ?? 0, storageClass: head.StorageClass ?? 'STANDARD' }]);
    return;
  }
  // Moving deletes as it goes: list from the start each time (S3 continuation tokens are
  // positions, but a fresh listing after deletes is simplest and always right).
  if (options.move) {
    for (;;) {
      const next = await walkObjects(source, from.bucket, from.key, options.signal).next();
      if (next.done) break;
      await copyPage(next.value);
    }
    return;
  }
  for await (const page of walkObjects(source, from.bucket, from.key, options.signal)) await copyPage(page);
}

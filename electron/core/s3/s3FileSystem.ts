import {
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { FileEntry, ListPage } from '../../../shared/files.js';
import { baseName, splitS3Path } from '../../../shared/paths.js';
import { AppError } from '../errors.js';
import type { RemoteFileSystem } from '../fs/remoteFileSystem.js';

const pageSize = 1000;

/** S3 as a folder tree: `/` lists buckets; prefixes ending in `/` are folders. */
export class S3FileSystem implements RemoteFileSystem {
  readonly protocol = 's3' as const;
  readonly homePath = '/';

  constructor(private readonly client: S3Client) {}

  async listBuckets(signal?: AbortSignal): Promise<FileEntry[]> {
    const out = await this.client.send(new ListBucketsCommand({}), { abortSignal: signal });
    return (out.Buckets ?? []).map((b) => ({
      name: b.Name ?? '',
      path: `/${b.Name}/`,
      kind: 'bucket' as const,
      modified: b.CreationDate?.getTime(),
    }));
  }

  async list(path: string, cursor?: string): Promise<ListPage> {
    if (path === '/') return { entries: await this.listBuckets() };
    const { bucket, key: prefix } = splitS3Path(path);
    if (!bucket) throw new AppError('invalidInput', 'No bucket in that path.');
    if (prefix && !prefix.endsWith('/')) throw new AppError('invalidInput', 'That path is a file, not a folder.');
    const out = await this.client.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        Delimiter: '/',
        MaxKeys: pageSize,
        ContinuationToken: cursor,
      }),
    );
    const entries: FileEntry[] = [];
    for (const p of out.CommonPrefixes ?? []) {
      if (!p.Prefix) continue;
      entries.push({ name: p.Prefix.slice(prefix.length, -1), path: `/${bucket}/${p.Prefix}`, kind: 'folder' });
    }
    for (const o of out.Contents ?? []) {
      // The zero-byte `folder/` marker of the folder being listed is the folder itself.
      if (!o.Key || o.Key === prefix) continue;
      entries.push({
        name: o.Key.slice(prefix.length),
        path: `/${bucket}/${o.Key}`,
        kind: 'file',
        size: o.Size ?? 0,
        modified: o.LastModified?.getTime(),
        storageClass: o.StorageClass ?? 'STANDARD',
        etag: o.ETag,
      });
    }
    return { entries, nextCursor: out.IsTruncated ? out.NextContinuationToken : undefined };
  }

  async stat(path: string): Promise<FileEntry> {
    const { bucket, key } = splitS3Path(path);
    const out = await this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return {
      name: baseName(path),
      path,
      kind: key.endsWith('/') ? 'folder' : 'file',
      size: out.ContentLength ?? 0,
      modified: out.LastModified?.getTime(),
      storageClass: out.StorageClass ?? 'STANDARD',
      etag: out.ETag,
    };
  }

  async mkdir(parentPath: string, name: string): Promise<FileEntry> {
    const { bucket, key: prefix } = splitS3Path(parentPath);
    if (!bucket) throw new AppError('invalidInput', 'Open a bucket first: folders live inside buckets.');
    const key = `${prefix}${name}/`;
    await this.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: '', ContentLength: 0 }));
    return { name, path: `/${bucket}/${key}`, kind: 'folder' };
  }
}

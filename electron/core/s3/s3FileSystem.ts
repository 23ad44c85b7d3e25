import { DeleteObjectCommand, HeadObjectCommand, ListBucketsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { DeleteReport, FileEntry, ListPage, TreeSummary } from '../../../shared/files.js';
import { baseName, splitS3Path } from '../../../shared/paths.js';
import type { ObjectHeadersEdit, ObjectTag } from '../../../shared/s3Objects.js';
import { asAppError, codedError } from '../errors.js';
import type { RemoteFileSystem } from '../fs/remoteFileSystem.js';
import { isDirectoryBucket } from '../../../shared/directoryBuckets.js';
import { listDirectoryBuckets } from './directoryBucketList.js';
import { s3ErrorTranslator } from './s3Errors.js';
import { folderObjectEntry, listPage, toEntries } from './s3Listing.js';
import { readProperties, setTags, shareLink, updateHeaders } from './s3ObjectProps.js';
import type { RegionalClients } from './s3Regions.js';
import { copyTree, deleteTree, summarizeTree } from './s3Tree.js';

const pageSize = 1000;
/** ListDirectoryBuckets answers fast or not at all (a region without S3 Express has no such endpoint). */
const directoryListTimeoutMs = 5_000;

export interface S3FileSystemOptions {
  /** Buckets saved on the connection, shown even when ListBuckets is denied. */
  bookmarkedBuckets: () => string[];
  endpointUrl?: string;
  forcePathStyle: boolean;
  /** AWS itself: list directory buckets (S3 Express One Zone) beside the general purpose ones. */
  directoryBuckets?: boolean;
}

/** S3 as a folder tree: `/` lists buckets; prefixes ending in `/` are folders. */
export class S3FileSystem implements RemoteFileSystem {
  readonly protocol = 's3' as const;
  readonly homePath = '/';

  constructor(
    readonly clients: RegionalClients,
    private readonly options: S3FileSystemOptions,
  ) {}

  async listBuckets(signal?: AbortSignal): Promise<FileEntry[]> {
    const out = await this.clients.base.send(new ListBucketsCommand({}), { abortSignal: signal });
    return (out.Buckets ?? []).map((b) => ({
      name: b.Name ?? '',
      path: `/${b.Name}/`,
      kind: 'bucket' as const,
      modified: b.CreationDate?.getTime(),
      region: b.BucketRegion,
    }));
  }

  /** The bucket list plus bookmarked buckets; with only bookmarks when listing is denied. */
  private async bucketRows(): Promise<FileEntry[]> {
    const bookmarks = this.options.bookmarkedBuckets();
    const rows = (name: string): FileEntry => ({ name, path: `/${name}/`, kind: 'bucket' });
    try {
      const [general, directory] = await Promise.all([this.listBuckets(), this.directoryBucketRows()]);
      const listed = [...general, ...directory];
      const names = new Set(listed.map((b) => b.name));
      return [...listed, ...bookmarks.filter((b) => !names.has(b)).map(rows)];
    } catch (error) {
      const known = asAppError(error, [s3ErrorTranslator]);
      if (known.kind !== 'permission') throw known;
      if (bookmarks.length) return bookmarks.map(rows);
      throw codedError('permission', 'coreS3:browse.listBucketsDenied', undefined, error);
    }
  }

  /** The connection region's directory buckets; none when it has none, or these credentials may not list them. */
  private async directoryBucketRows(): Promise<FileEntry[]> {
    if (!this.options.directoryBuckets) return [];
    return listDirectoryBuckets(this.clients.base, AbortSignal.timeout(directoryListTimeoutMs)).catch(() => []);
  }

  /** Proves a bucket can be opened (listing one key) and finds its region. */
  async openBucket(bucket: string): Promise<FileEntry> {
    const region = await this.clients.regionOf(bucket);
    try {
      await this.clients.clientIn(region).send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1 }));
    } catch (error) {
      const known = asAppError(error, [s3ErrorTranslator]);
      if (known.kind === 'permission') {
        throw codedError('permission', 'coreS3:browse.listBucketDenied', { bucket }, error);
      }
      if (known.kind === 'notFound') throw codedError('notFound', 'coreS3:browse.noSuchBucket', { bucket }, error);
      throw known;
    }
    return { name: bucket, path: `/${bucket}/`, kind: 'bucket', region };
  }

  async list(path: string, cursor?: string): Promise<ListPage> {
    if (path === '/') return { entries: await this.bucketRows() };
    const { bucket, key: prefix } = splitS3Path(path);
    if (!bucket) throw codedError('invalidInput', 'coreS3:browse.noBucketInPath');
    if (prefix && !prefix.endsWith('/')) throw codedError('invalidInput', 'coreS3:browse.pathIsFile');
    const client = await this.clients.clientFor(bucket);
    const page = await listPage(client, bucket, prefix, { delimiter: '/', cursor, maxKeys: pageSize });
    const entries = toEntries(bucket, prefix, page);
    // A directory bucket lists in no key order: the browser gathers every page, then sorts.
    return isDirectoryBucket(bucket) ? { entries, nextCursor: page.nextCursor, unordered: true } : { entries, nextCursor: page.nextCursor };
  }

  async stat(path: string): Promise<FileEntry> {
    const { bucket, key } = splitS3Path(path);
    if (!bucket) throw codedError('invalidInput', 'coreS3:browse.noBucketInPath');
    if (!key) return this.openBucket(bucket);
    const client = await this.clients.clientFor(bucket);
    // Explained here, as every file system's stat is: callers tell "nothing there" (notFound) from a failure.
    const out = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).catch((error: unknown) => {
      throw asAppError(error, [s3ErrorTranslator]);
    });
    const facts = { size: out.ContentLength ?? 0, modified: out.LastModified?.getTime(), storageClass: out.StorageClass ?? 'STANDARD', etag: out.ETag };
    // A `folder/` key with bytes is the object the listing shows flagged, not the folder.
    if (key.endsWith('/') && facts.size > 0) return folderObjectEntry(bucket, key, facts);
    return { name: baseName(path), path, kind: key.endsWith('/') ? 'folder' : 'file', ...facts };
  }

  async mkdir(parentPath: string, name: string): Promise<FileEntry> {
    const { bucket, key: prefix } = splitS3Path(parentPath);
    if (!bucket) throw codedError('invalidInput', 'coreS3:browse.folderNeedsBucket');
    const key = `${prefix}${name}/`;
    const client = await this.clients.clientFor(bucket);
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: '', ContentLength: 0 }));
    return { name, path: `/${bucket}/${key}`, kind: 'folder' };
  }

  summarize(paths: string[], signal?: AbortSignal): Promise<TreeSummary> {
    return summarizeTree(this.clients, paths, signal);
  }

  delete(paths: string[], onProgress?: (deleted: number) => void, signal?: AbortSignal): Promise<DeleteReport> {
    return deleteTree(this.clients, paths, onProgress, signal);
  }

  /** Deletes the one object at `path`: a key ending in `/` is that object alone, never the folder under it. */
  async deleteObject(path: string): Promise<void> {
    const { bucket, key } = splitS3Path(path);
    if (!bucket || !key) throw codedError('invalidInput', 'coreS3:browse.chooseObject');
    const client = await this.clients.clientFor(bucket);
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  }

  rename(from: string, to: string, onProgress?: (done: number) => void, signal?: AbortSignal): Promise<void> {
    return copyTree(this.clients, from, to, { move: true, onProgress, signal });
  }

  copy(from: string, to: string, onProgress?: (done: number) => void, signal?: AbortSignal): Promise<void> {
    return copyTree(this.clients, from, to, { move: false, onProgress, signal });
  }

  properties(path: string) {
    return readProperties(this.clients, path);
  }

  updateHeaders(path: string, edit: ObjectHeadersEdit) {
    return updateHeaders(this.clients, path, edit);
  }

  setTags(path: string, tags: ObjectTag[]) {
    return setTags(this.clients, path, tags);
  }

  share(path: string, expiresInSeconds: number) {
    return shareLink(this.clients, path, expiresInSeconds, { url: this.options.endpointUrl, forcePathStyle: this.options.forcePathStyle });
  }
}

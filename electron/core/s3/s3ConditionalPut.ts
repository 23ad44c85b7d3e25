import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import {
  GetObjectAclCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type HeadObjectCommandOutput,
  type PutObjectCommandInput,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { FileEntry } from '../../../shared/files.js';
import { splitS3Path } from '../../../shared/paths.js';
import { codedError } from '../errors.js';
import { publicGrants } from '../buckets/bucketContext.js';
import { RemoteChangedError } from '../fs/remoteChanged.js';
import { httpStatusOf } from './s3Errors.js';
import type { BucketClients } from './s3FreeTargets.js';

/** PutObject's own limit: a bigger file would need a multipart upload. */
const maxSinglePut = 5 * 1024 ** 3;
/** Files up to this size are sent from memory (the SDK can retry those), bigger ones streamed from disk. */
const inMemoryUpTo = 8 * 1024 * 1024;
/** Servers that compare If-Match with the bare ETag (Ceph RGW 16): learnt once per client, not paid on every save. */
const wantsBareEtag = new WeakSet<S3Client>();

const isMissing = (error: unknown) => httpStatusOf(error) === 404 || ['NotFound', 'NoSuchKey'].includes((error as Error).name);
const isPreconditionFailed = (error: unknown) => httpStatusOf(error) === 412 || (error as Error).name === 'PreconditionFailed';

/**
 * Replaces an object with a local file only while it still has the ETag it had when it was
 * read: a PutObject with `If-Match` (AWS since 2024, Ceph RGW 16 too), so the server refuses
 * it when someone wrote the key meanwhile. The HEAD just before it carries the object's
 * headers, metadata and tags over (a PUT replaces them) and finds most changes without
 * sending the bytes. Ceph RGW 16 compares If-Match with the ETag without its quotes: a 412
 * while the HEAD still showed our ETag is asked once more with the bare value (and that
 * client sends the bare value from then on). Both forms are conditional: nothing is ever
 * written unguarded.
 */
export async function putIfUnchanged(buckets: BucketClients, localPath: string, remotePath: string, expected: FileEntry, signal: AbortSignal): Promise<FileEntry> {
  const { bucket, key } = splitS3Path(remotePath);
  if (!expected.etag) throw codedError('unsupported', 'coreS3:transfer.noEtag', { key });
  const local = await stat(localPath);
  if (local.size > maxSinglePut) throw codedError('unsupported', 'coreS3:transfer.tooLargeToSave', { key });
  const client = await buckets.clientFor(bucket);
  let head: HeadObjectCommandOutput;
  try {
    head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
  } catch (error) {
    if (isMissing(error)) throw new RemoteChangedError(remotePath, true);
    throw error;
  }
  if (head.ETag !== expected.etag) throw new RemoteChangedError(remotePath, false);
  const tagging = await tagsOf(client, bucket, key, signal);
  const publicRead = await isPublicRead(client, bucket, key, signal);
  const small = local.size <= inMemoryUpTo ? await readFile(localPath) : undefined;
  const put = async (ifMatch: string) => {
    const body = small ?? createReadStream(localPath);
    try {
      return await client.send(
        new PutObjectCommand({
          ...carriedHeaders(head),
          ...(tagging ? { Tagging: tagging } : {}),
          // A PUT resets the object's ACL to private: a public page stays public after a save.
          ...(publicRead ? { ACL: 'public-read' as const } : {}),
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentLength: local.size,
          IfMatch: ifMatch,
        }),
        { abortSignal: signal },
      );
    } finally {
      if (!Buffer.isBuffer(body)) body.destroy();
    }
  };
  const bare = expected.etag.replace(/^"|"$/g, '');
  let answer;
  try {
    if (wantsBareEtag.has(client)) answer = await put(bare);
    else {
      answer = await put(`"${bare}"`).catch(async (error: unknown) => {
        if (!isPreconditionFailed(error)) throw error;
        // A real change also answers 412: the bare form is asked only while the object still has our ETag.
        const now = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
        if (now.ETag !== expected.etag) throw error;
        const again = await put(bare);
        wantsBareEtag.add(client);
        return again;
      });
    }
  } catch (error) {
    if (isPreconditionFailed(error)) throw new RemoteChangedError(remotePath, false);
    if (isMissing(error)) throw new RemoteChangedError(remotePath, true);
    throw error;
  }
  // The ETag names the version now on the server; without one, the next save says it cannot check (noEtag).
  return { ...expected, size: local.size, etag: answer.ETag };
}

/** What a PutObject would otherwise drop: the object's headers, metadata, class and encryption. */
function carriedHeaders(head: HeadObjectCommandOutput): Partial<PutObjectCommandInput> {
  return {
    ContentType: head.ContentType,
    CacheControl: head.CacheControl,
    ContentDisposition: head.ContentDisposition,
    ContentEncoding: head.ContentEncoding,
    ContentLanguage: head.ContentLanguage,
    WebsiteRedirectLocation: head.WebsiteRedirectLocation,
    Metadata: head.Metadata,
    StorageClass: head.StorageClass && head.StorageClass !== 'STANDARD' ? head.StorageClass : undefined,
    ServerSideEncryption: head.ServerSideEncryption,
    SSEKMSKeyId: head.ServerSideEncryption?.startsWith('aws:kms') ? head.SSEKMSKeyId : undefined,
    Expires: head.Expires,
  };
}

/**
 * Whether anyone may read the object by its ACL. A bucket without ACLs (AWS's Object
 * Ownership "bucket owner enforced") or a user who may not read them: nothing to carry.
 */
async function isPublicRead(client: S3Client, bucket: string, key: string, signal: AbortSignal): Promise<boolean> {
  try {
    const acl = await client.send(new GetObjectAclCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
    return publicGrants(acl.Grants ?? []).length > 0;
  } catch {
    return false;
  }
}

/** The object's tags as PutObject's `Tagging` header; none when it has none or the server has no tagging. */
async function tagsOf(client: Awaited<ReturnType<BucketClients['clientFor']>>, bucket: string, key: string, signal: AbortSignal): Promise<string | undefined> {
  try {
    const out = await client.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
    const tags = out.TagSet ?? [];
    if (tags.length === 0) return undefined;
    return tags.map((t) => `${encodeURIComponent(t.Key ?? '')}=${encodeURIComponent(t.Value ?? '')}`).join('&');
  } catch (error) {
    // Only a server without object tagging has none to keep; any other failure must not let a save drop the tags.
    if (httpStatusOf(error) === 501 || (error as Error).name === 'NotImplemented') return undefined;
    throw error;
  }
}

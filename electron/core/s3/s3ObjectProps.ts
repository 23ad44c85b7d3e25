/** One object's properties: headers, user metadata, tags; edits; share links. */
import {
  DeleteObjectTaggingCommand,
  GetObjectCommand,
  GetObjectLegalHoldCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  PutObjectTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { splitS3Path } from '../../../shared/paths.js';
import type { ObjectHeadersEdit, ObjectLockState, ObjectProperties, ObjectTag, ShareLink } from '../../../shared/s3Objects.js';
import { codedError } from '../errors.js';
import { copyObject } from './s3Copy.js';
import { decodeMetadata, encodeMetadata } from './s3Metadata.js';
import type { RegionalClients } from './s3Regions.js';

function fileRef(path: string): { bucket: string; key: string } {
  const { bucket, key } = splitS3Path(path);
  if (!bucket || !key) throw codedError('invalidInput', 'coreS3:browse.chooseObject');
  return { bucket, key };
}

export async function readProperties(clients: RegionalClients, path: string): Promise<ObjectProperties> {
  const { bucket, key } = fileRef(path);
  const region = await clients.regionOf(bucket);
  const client = clients.clientIn(region);
  const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  let tags: ObjectTag[] = [];
  try {
    const out = await client.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }));
    tags = (out.TagSet ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));
  } catch {
    // Tags are optional: no s3:GetObjectTagging, or a server without tagging.
  }
  return {
    path,
    bucket,
    key,
    size: head.ContentLength ?? 0,
    modified: head.LastModified?.getTime(),
    etag: head.ETag,
    storageClass: head.StorageClass ?? 'STANDARD',
    versionId: head.VersionId,
    contentType: head.ContentType,
    cacheControl: head.CacheControl,
    contentDisposition: head.ContentDisposition,
    contentEncoding: head.ContentEncoding,
    metadata: decodeMetadata(head.Metadata),
    tags,
    region,
    ...(await lockStateOf(client, bucket, key, head)),
  };
}

/**
 * HeadObject names the version's retention and legal hold when it has them; an object that
 * never had either is asked for its legal hold, which only a bucket with Object Lock answers.
 */
async function lockStateOf(client: S3Client, bucket: string, key: string, head: HeadObjectCommandOutput): Promise<{ objectLock?: ObjectLockState }> {
  if (!head.ObjectLockMode && !head.ObjectLockLegalHoldStatus && !head.ObjectLockRetainUntilDate) {
    try {
      const hold = await client.send(new GetObjectLegalHoldCommand({ Bucket: bucket, Key: key, VersionId: head.VersionId }));
      return { objectLock: { legalHold: hold.LegalHold?.Status === 'ON' } };
    } catch (error) {
      // An Object Lock bucket whose object never had a legal hold says so with one of these (AWS, RGW).
      const name = (error as { name?: string }).name ?? '';
      return ['NoSuchObjectLockConfiguration', 'ObjectLockConfigurationNotFoundError'].includes(name) ? { objectLock: { legalHold: false } } : {};
    }
  }
  return {
    objectLock: {
      ...(head.ObjectLockMode ? { retentionMode: head.ObjectLockMode } : {}),
      ...(head.ObjectLockRetainUntilDate ? { retainUntil: head.ObjectLockRetainUntilDate.getTime() } : {}),
      legalHold: head.ObjectLockLegalHoldStatus === 'ON',
    },
  };
}

/** Headers and user metadata can only change by copying the object onto itself (REPLACE). */
export async function updateHeaders(clients: RegionalClients, path: string, edit: ObjectHeadersEdit): Promise<ObjectProperties> {
  const { bucket, key } = fileRef(path);
  const client = await clients.clientFor(bucket);
  const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  const metadata = encodeMetadata(edit.metadata);
  await copyObject(client, { bucket, key }, { bucket, key }, {
    size: head.ContentLength ?? 0,
    storageClass: head.StorageClass,
    replace: { ...edit, metadata },
  });
  return readProperties(clients, path);
}

export async function setTags(clients: RegionalClients, path: string, tags: ObjectTag[]): Promise<ObjectProperties> {
  const { bucket, key } = fileRef(path);
  const client = await clients.clientFor(bucket);
  if (new Set(tags.map((t) => t.key)).size !== tags.length) throw codedError('invalidInput', 'coreS3:browse.duplicateTagKeys');
  if (tags.length === 0) await client.send(new DeleteObjectTaggingCommand({ Bucket: bucket, Key: key }));
  else {
    await client.send(
      new PutObjectTaggingCommand({ Bucket: bucket, Key: key, Tagging: { TagSet: tags.map((t) => ({ Key: t.key, Value: t.value })) } }),
    );
  }
  return readProperties(clients, path);
}

/** The object's address without a signature: `endpoint/bucket/key` or AWS's virtual host. */
export function plainObjectUrl(endpoint: string | undefined, forcePathStyle: boolean, region: string, bucket: string, key: string): string {
  const encodedKey = key.split('/').map(encodeURIComponent).join('/');
  if (endpoint) {
    const base = endpoint.replace(/\/+$/, '');
    if (forcePathStyle) return `${base}/${encodeURIComponent(bucket)}/${encodedKey}`;
    const url = new URL(base);
    return `${url.protocol}//${bucket}.${url.host}/${encodedKey}`;
  }
  return `https://${bucket}.s3.${region}.amazonaws.com/${encodedKey}`;
}

export async function shareLink(
  clients: RegionalClients,
  path: string,
  expiresInSeconds: number,
  endpoint: { url?: string; forcePathStyle: boolean },
): Promise<ShareLink> {
  const { bucket, key } = fileRef(path);
  const region = await clients.regionOf(bucket);
  const client = clients.clientIn(region);
  const presignedUrl = await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: expiresInSeconds });
  return {
    presignedUrl,
    plainUrl: plainObjectUrl(endpoint.url, endpoint.forcePathStyle, region, bucket, key),
    expiresAt: Date.now() + expiresInSeconds * 1000,
  };
}

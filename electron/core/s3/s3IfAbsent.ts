import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { TargetAppearedError } from '../fs/targetAppeared.js';
import { httpStatusOf } from './s3Errors.js';

/** What a write's answer says of the object it stored: enough to check its ETag. */
export interface LandedObject {
  ETag: string;
  ChecksumCRC32?: string;
  ServerSideEncryption?: string;
  SSECustomerAlgorithm?: string;
  /** Given when HeadObject found it (a write's own answer has no size). */
  ContentLength?: number;
}

/** The object at `key` when its ETag is `etag` (quotes and case aside), as HeadObject answers it; else undefined. */
export async function objectWithEtag(client: S3Client, bucket: string, key: string, etag: string | undefined): Promise<LandedObject | undefined> {
  if (!etag) return undefined;
  const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  const bare = (value: string | undefined) => value?.replace(/"/g, '').toLowerCase();
  if (!head.ETag || bare(head.ETag) !== bare(etag)) return undefined;
  return { ETag: head.ETag, ServerSideEncryption: head.ServerSideEncryption, SSECustomerAlgorithm: head.SSECustomerAlgorithm, ContentLength: head.ContentLength };
}

/**
 * The object at `key` when its CRC32 (a single write's, or a multipart one's composite
 * `<crc>-<parts>`) is `crc32`, as HeadObject with ChecksumMode ENABLED answers it; else
 * undefined. A directory bucket's ETags are opaque: its checksum is how a write knows its own object.
 */
export async function objectWithChecksum(client: S3Client, bucket: string, key: string, crc32: string | undefined): Promise<LandedObject | undefined> {
  if (!crc32) return undefined;
  const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: 'ENABLED' }));
  if (head.ChecksumCRC32 !== crc32) return undefined;
  return { ETag: head.ETag ?? '', ChecksumCRC32: head.ChecksumCRC32, ContentLength: head.ContentLength };
}

/** The object at `key` when it is the one a write expected: by its CRC32 (`expected.crc32`, a directory bucket's), else by its ETag. */
export function objectWritten(client: S3Client, bucket: string, key: string, expected: { crc32?: string; etag?: string }): Promise<LandedObject | undefined> {
  return expected.crc32 ? objectWithChecksum(client, bucket, key, expected.crc32) : objectWithEtag(client, bucket, key, expected.etag);
}

/** Clients whose server refused If-None-Match on a write: asked once, then written without it. */
const refusedBy = new WeakSet<S3Client>();

/** Whether to send If-None-Match: * on this client's next write that must land where nothing is. */
export function asksIfAbsent(client: S3Client, wanted: boolean): boolean {
  return wanted && !refusedBy.has(client);
}

/** A server that does not take the condition says so with 501, or 400 naming the header (not a refusal of the write itself). */
function refusesCondition(error: unknown): boolean {
  const status = httpStatusOf(error);
  const name = (error as Error).name;
  return status === 501 || name === 'NotImplemented' || (status === 400 && /if-none-match/i.test((error as Error).message ?? ''));
}

/**
 * Sends a write (PutObject, CompleteMultipartUpload) that must land only where nothing is,
 * with If-None-Match: * where the server takes it (AWS since 2024, Ceph RGW for PutObject),
 * so two uploaders cannot race past the queue's earlier check. A 412 means something
 * appeared at the target: TargetAppearedError, which the queue turns into the conflict
 * question, unless what is there is what this write sent (a send whose answer was lost,
 * then sent again). A server that refuses the condition is remembered and written without it, as
 * before: the queue's check just before is then the only guard.
 */
export async function sendIfAbsent<T extends { ETag?: string }>(
  client: S3Client,
  wanted: boolean,
  remotePath: string,
  send: (ifNoneMatch: '*' | undefined) => Promise<T>,
  /** After a 412: the object's ETag when the object there is the one this write sent (an earlier send of it landed). */
  ours: () => Promise<LandedObject | undefined> = async () => undefined,
): Promise<T | LandedObject> {
  const conditional = asksIfAbsent(client, wanted);
  try {
    return await send(conditional ? '*' : undefined);
  } catch (error) {
    if (!conditional) throw error;
    if (httpStatusOf(error) === 412 || (error as Error).name === 'PreconditionFailed') {
      const landed = await ours().catch(() => undefined);
      if (landed) return landed;
      throw new TargetAppearedError(remotePath);
    }
    if (!refusesCondition(error)) throw error;
    refusedBy.add(client);
    return send(undefined);
  }
}

import { randomBytes } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { S3ConnectionDraft } from '../../shared/connections.js';
import type { TestbedEnv } from './testbedEnv.js';

/** A client of the test RGW (or of a proxy in front of it, at `endpoint`). */
export function testS3Client(env: TestbedEnv, which: 1 | 2 = 1, endpoint = env.s3.endpoint): S3Client {
  return new S3Client({
    endpoint,
    region: env.s3.region,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    credentials:
      which === 1
        ? { accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey }
        : { accessKeyId: env.s3.accessKeyId2, secretAccessKey: env.s3.secretAccessKey2 },
  });
}

/** A saved connection to the test RGW with the first key pair (path-style, secret remembered). */
export function rgwDraft(env: TestbedEnv, name = 'RGW'): S3ConnectionDraft {
  return {
    protocol: 's3',
    name,
    endpoint: { kind: 'custom', url: env.s3.endpoint },
    region: env.s3.region,
    forcePathStyle: true,
    rememberSecret: true,
    auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey },
  };
}

export function uniqueBucketName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`.toLowerCase().slice(0, 63);
}

export async function createBucketWith(client: S3Client, bucket: string, objects: Record<string, string | Buffer>): Promise<void> {
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const [Key, Body] of Object.entries(objects)) {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Buffer.from(Body) }));
  }
}

/** Deletes every object under `prefix` (an unversioned bucket). */
export async function emptyPrefix(client: S3Client, bucket: string, prefix: string): Promise<void> {
  for (;;) {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    const objects = (page.Contents ?? []).map((o) => ({ Key: o.Key! }));
    if (objects.length === 0) return;
    await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }));
  }
}

/** Removes every object, version and delete marker, then the bucket. */
export async function removeBucket(client: S3Client, bucket: string): Promise<void> {
  for (;;) {
    const page = await client.send(new ListObjectVersionsCommand({ Bucket: bucket })).catch(() => null);
    if (!page) return;
    const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => ({ Key: v.Key!, VersionId: v.VersionId }));
    if (objects.length === 0) break;
    // Keys with control characters cannot go in DeleteObjects' XML body: delete those one by one.
    await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } })).catch(async () => {
      for (const o of objects) await client.send(new DeleteObjectCommand({ Bucket: bucket, ...o }));
    });
  }
  await client.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => undefined);
}

/** Removes an Object Lock bucket: each version's legal hold off, then deleted past its governance retention. */
export async function removeLockedBucket(client: S3Client, bucket: string): Promise<void> {
  const page = await client.send(new ListObjectVersionsCommand({ Bucket: bucket })).catch(() => null);
  for (const v of [...(page?.Versions ?? []), ...(page?.DeleteMarkers ?? [])]) {
    const at = { Bucket: bucket, Key: v.Key!, VersionId: v.VersionId };
    await client.send(new PutObjectLegalHoldCommand({ ...at, LegalHold: { Status: 'OFF' } })).catch(() => undefined);
    await client.send(new DeleteObjectCommand({ ...at, BypassGovernanceRetention: true })).catch(() => undefined);
  }
  await client.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => undefined);
}

// What the S3 fault cases ask the RGW directly (not through the relay the core uses).
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  UploadPartCommand,
  type CompletedPart,
  type MultipartUpload,
  type S3Client,
} from '@aws-sdk/client-s3';
import { sha256Stream } from './crashHarness.js';

/** Incomplete multipart uploads under `prefix` (ListMultipartUploads, every page). */
export async function incompleteUploads(s3: S3Client, bucket: string, prefix = ''): Promise<MultipartUpload[]> {
  const all: MultipartUpload[] = [];
  let KeyMarker: string | undefined;
  let UploadIdMarker: string | undefined;
  for (let page = 0; page < 100; page++) {
    const out = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: prefix, KeyMarker, UploadIdMarker }));
    all.push(...(out.Uploads ?? []));
    if (!out.IsTruncated) break;
    KeyMarker = out.NextKeyMarker;
    UploadIdMarker = out.NextUploadIdMarker;
  }
  return all;
}

/** The parts the server holds for `key`, over every incomplete upload of it: part number to size. */
export async function heldParts(s3: S3Client, bucket: string, key: string): Promise<Map<number, number>> {
  const held = new Map<number, number>();
  for (const u of await incompleteUploads(s3, bucket, key)) {
    if (u.Key !== key) continue;
    let PartNumberMarker: string | undefined;
    for (let page = 0; page < 100; page++) {
      const out = await s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: u.UploadId!, PartNumberMarker }));
      for (const p of out.Parts ?? []) held.set(p.PartNumber!, p.Size ?? 0);
      if (!out.IsTruncated) break;
      PartNumberMarker = out.NextPartNumberMarker;
    }
  }
  return held;
}

export async function abortUploads(s3: S3Client, bucket: string, prefix = ''): Promise<void> {
  for (const u of await incompleteUploads(s3, bucket, prefix)) {
    await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key!, UploadId: u.UploadId! }));
  }
}

/** The object's size, ETag and (when `hash`) sha256, or undefined when there is none. */
export async function objectFacts(s3: S3Client, bucket: string, key: string, hash = true): Promise<{ size: number; etag: string; sha256?: string } | undefined> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    const facts = { size: head.ContentLength ?? 0, etag: head.ETag ?? '' };
    if (!hash) return facts;
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return { ...facts, sha256: await sha256Stream(got.Body as AsyncIterable<Uint8Array>) };
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404) return undefined;
    throw error;
  }
}

/** The part count a multipart ETag names ("…-9" → 9), else undefined. */
export function partsInEtag(etag: string | undefined): number | undefined {
  const m = /-(\d+)"?$/.exec(etag ?? '');
  return m ? Number(m[1]) : undefined;
}

/** Puts `body` as a multipart object in parts of `partSize` (as Stowage itself uploads anything of 16 MiB or more). */
export async function putMultipart(s3: S3Client, bucket: string, key: string, body: Buffer, partSize: number): Promise<void> {
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
  const Parts: CompletedPart[] = [];
  for (let at = 0, n = 1; at < body.length; at += partSize, n++) {
    const out = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: n, Body: body.subarray(at, at + partSize) }));
    Parts.push({ PartNumber: n, ETag: out.ETag });
  }
  await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId, MultipartUpload: { Parts } }));
}

import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  UploadPartCopyCommand,
  type HeadObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ObjectHeadersEdit } from '../../../shared/s3Objects.js';
import { AppError, throwIfAborted } from '../errors.js';
import { eachLimited } from '../lib/eachLimited.js';
import { choosePartSize, MiB, planParts } from './multipartPlan.js';
import { copySource } from './s3Keys.js';
import { abortUpload } from './s3MultipartUploads.js';

/** CopyObject copies up to 5 GiB in one request; larger objects need UploadPartCopy. */
export const singleCopyLimit = 5 * 1024 * MiB;

export interface ObjectRef {
  bucket: string;
  key: string;
}

export interface CopyOptions {
  /** Known size of the source (saves a HeadObject). */
  size?: number;
  /** New headers and metadata (MetadataDirective REPLACE); omitted = copy them. */
  replace?: ObjectHeadersEdit;
  /** Keep the storage class on an in-place copy. */
  storageClass?: string;
  signal?: AbortSignal;
  /** For tests: where multipart copy starts. */
  multipartAbove?: number;
}

function headersOf(edit: ObjectHeadersEdit) {
  return {
    ContentType: edit.contentType || undefined,
    CacheControl: edit.cacheControl || undefined,
    ContentDisposition: edit.contentDisposition || undefined,
    ContentEncoding: edit.contentEncoding || undefined,
    Metadata: edit.metadata,
  };
}

export function headersFromHead(head: HeadObjectCommandOutput): ObjectHeadersEdit {
  return {
    contentType: head.ContentType,
    cacheControl: head.CacheControl,
    contentDisposition: head.ContentDisposition,
    contentEncoding: head.ContentEncoding,
    metadata: head.Metadata ?? {},
  };
}

/** Copies one object server-side (the bytes never come to this computer). */
export async function copyObject(client: S3Client, from: ObjectRef, to: ObjectRef, options: CopyOptions = {}): Promise<void> {
  const limit = options.multipartAbove ?? singleCopyLimit;
  let size = options.size;
  let head: HeadObjectCommandOutput | undefined;
  if (size === undefined || size > limit) {
    head = await client.send(new HeadObjectCommand({ Bucket: from.bucket, Key: from.key }), { abortSignal: options.signal });
    size = head.ContentLength ?? 0;
  }
  if (size > limit) {
    const headers = options.replace ?? headersFromHead(head!);
    return multipartCopy(client, { from, to, size, headers, storageClass: options.storageClass, partLimit: limit, signal: options.signal });
  }
  await client.send(
    new CopyObjectCommand({
      Bucket: to.bucket,
      Key: to.key,
      CopySource: copySource(from.bucket, from.key),
      StorageClass: options.storageClass as never,
      ...(options.replace ? { MetadataDirective: 'REPLACE', ...headersOf(options.replace) } : {}),
    }),
    { abortSignal: options.signal },
  );
}

/** A copy above the single-copy limit, part by part with UploadPartCopy. */
export interface MultipartCopy {
  /** The source; with `versionId`, that version of it. */
  from: ObjectRef & { versionId?: string };
  to: ObjectRef;
  size: number;
  headers: ObjectHeadersEdit;
  storageClass?: string;
  /** The single-copy limit in force: no part is larger (tests lower it). */
  partLimit: number;
  signal?: AbortSignal;
  /** Bytes copied so far, after each part. */
  onCopied?: (copied: number) => void;
}

/** Copies an object of any size in parts, four at a time; a failed copy aborts its upload, so no parts are left to bill. */
export async function multipartCopy(client: S3Client, c: MultipartCopy): Promise<void> {
  const { to, signal } = c;
  const created = await client.send(
    new CreateMultipartUploadCommand({ Bucket: to.bucket, Key: to.key, StorageClass: c.storageClass as never, ...headersOf(c.headers) }),
    { abortSignal: signal },
  );
  const uploadId = created.UploadId!;
  try {
    const planned = planParts(c.size, Math.min(choosePartSize(c.size, 512 * MiB), c.partLimit));
    const parts: { PartNumber: number; ETag: string }[] = [];
    let copied = 0;
    // eachLimited waits for the parts in flight after a failure, so none is still being copied when the upload is aborted.
    await eachLimited(planned, 4, async (part) => {
      throwIfAborted(signal);
      const out = await client.send(
        new UploadPartCopyCommand({
          Bucket: to.bucket,
          Key: to.key,
          UploadId: uploadId,
          PartNumber: part.partNumber,
          CopySource: copySource(c.from.bucket, c.from.key, c.from.versionId),
          CopySourceRange: `bytes=${part.offset}-${part.offset + part.length - 1}`,
        }),
        { abortSignal: signal },
      );
      parts.push({ PartNumber: part.partNumber, ETag: out.CopyPartResult!.ETag! });
      c.onCopied?.((copied += part.length));
    });
    parts.sort((a, b) => a.PartNumber - b.PartNumber);
    await client.send(
      new CompleteMultipartUploadCommand({ Bucket: to.bucket, Key: to.key, UploadId: uploadId, MultipartUpload: { Parts: parts } }),
      { abortSignal: signal },
    );
  } catch (error) {
    await abortUpload(client, to.bucket, to.key, uploadId).catch(() => undefined);
    throw error;
  }
}

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

function headersFromHead(head: HeadObjectCommandOutput): ObjectHeadersEdit {
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
  if (size > limit) return multipartCopy(client, from, to, size, options.replace ?? headersFromHead(head!), options);
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

async function multipartCopy(
  client: S3Client,
  from: ObjectRef,
  to: ObjectRef,
  size: number,
  headers: ObjectHeadersEdit,
  options: CopyOptions,
): Promise<void> {
  const created = await client.send(
    new CreateMultipartUploadCommand({
      Bucket: to.bucket,
      Key: to.key,
      StorageClass: options.storageClass as never,
      ...headersOf(headers),
    }),
    { abortSignal: options.signal },
  );
  const uploadId = created.UploadId!;
  try {
    const partSize = options.multipartAbove !== undefined ? Math.max(5 * MiB, Math.ceil(size / 2)) : choosePartSize(size, 512 * MiB);
    const queue = planParts(size, partSize);
    const parts: { PartNumber: number; ETag: string }[] = [];
    const worker = async () => {
      for (let part = queue.shift(); part; part = queue.shift()) {
        const out = await client.send(
          new UploadPartCopyCommand({
            Bucket: to.bucket,
            Key: to.key,
            UploadId: uploadId,
            PartNumber: part.partNumber,
            CopySource: copySource(from.bucket, from.key),
            CopySourceRange: `bytes=${part.offset}-${part.offset + part.length - 1}`,
          }),
          { abortSignal: options.signal },
        );
        parts.push({ PartNumber: part.partNumber, ETag: out.CopyPartResult!.ETag! });
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker));
    parts.sort((a, b) => a.PartNumber - b.PartNumber);
    await client.send(
      new CompleteMultipartUploadCommand({ Bucket: to.bucket, Key: to.key, UploadId: uploadId, MultipartUpload: { Parts: parts } }),
    );
  } catch (error) {
    await abortUpload(client, to.bucket, to.key, uploadId).catch(() => undefined);
    throw error;
  }
}

import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  UploadPartCopyCommand,
  type StorageClass,
} from '@aws-sdk/client-s3';
import { AppError } from '../errors.js';
import { choosePartSize, MiB, planParts } from '../s3/multipartPlan.js';
import type { BucketContext } from './bucketContext.js';
import { errorName, explain } from './panel.js';

/** CopyObject takes sources up to 5 GiB; larger ones need a multipart copy. */
export const singleCopyLimit = 5 * 1024 * MiB;

export interface CopyInPlaceOptions {
  /** Copy this version over the latest (restore a version). */
  sourceVersionId?: string;
  /** Give the copy this storage class (change storage class). */
  storageClass?: string;
  /** Tests lower it to exercise the multipart path without 5 GiB objects. */
  singleCopyLimit?: number;
  signal?: AbortSignal;
}

function copySource(bucket: string, key: string, versionId?: string): string {
  const encoded = `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  return versionId ? `${encoded}?versionId=${encodeURIComponent(versionId)}` : encoded;
}

/**
 * Copies an object onto its own key: the way S3 changes a storage class or brings back an
 * old version. Metadata, content type and tags travel with the copy.
 */
export async function copyInPlace(ctx: BucketContext, bucket: string, key: string, options: CopyInPlaceOptions = {}): Promise<void> {
  const { client } = ctx;
  const limit = options.singleCopyLimit ?? singleCopyLimit;
  const what = options.storageClass ? 'this storage class' : 'copying objects';
  try {
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key, VersionId: options.sourceVersionId }), {
      abortSignal: options.signal,
    });
    const size = head.ContentLength ?? 0;
    const StorageClass = (options.storageClass ?? head.StorageClass ?? 'STANDARD') as StorageClass;
    const source = copySource(bucket, key, options.sourceVersionId);
    if (size <= limit) {
      await client.send(
        new CopyObjectCommand({ Bucket: bucket, Key: key, CopySource: source, StorageClass, MetadataDirective: 'COPY' }),
        { abortSignal: options.signal },
      );
      return;
    }
    const created = await client.send(
      new CreateMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        StorageClass,
        ContentType: head.ContentType,
        CacheControl: head.CacheControl,
        ContentDisposition: head.ContentDisposition,
        ContentEncoding: head.ContentEncoding,
        Metadata: head.Metadata,
      }),
    );
    const uploadId = created.UploadId!;
    try {
      const partSize = Math.min(choosePartSize(size, 64 * MiB), limit);
      const parts = [];
      for (const part of planParts(size, partSize)) {
        if (options.signal?.aborted) throw new AppError('cancelled', 'Cancelled.');
        const out = await client.send(
          new UploadPartCopyCommand({
            Bucket: bucket,
            Key: key,
            UploadId: uploadId,
            PartNumber: part.partNumber,
            CopySource: source,
            CopySourceRange: `bytes=${part.offset}-${part.offset + part.length - 1}`,
          }),
        );
        parts.push({ PartNumber: part.partNumber, ETag: out.CopyPartResult?.ETag });
      }
      await client.send(
        new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }),
      );
    } catch (error) {
      await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })).catch(() => undefined);
      throw error;
    }
  } catch (error) {
    if (errorName(error) === 'InvalidObjectState') {
      throw new AppError('conflict', 'The object is archived (Glacier or Deep Archive): restore it before changing its class.', {
        cause: error,
      });
    }
    throw explain(error, what);
  }
}

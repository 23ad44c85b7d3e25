import { CopyObjectCommand, HeadObjectCommand, type StorageClass } from '@aws-sdk/client-s3';
import { codedError } from '../errors.js';
import { headersFromHead, multipartCopy, singleCopyLimit } from '../s3/s3Copy.js';
import { copySource } from '../s3/s3Keys.js';
import type { BucketContext } from './bucketContext.js';
import { errorName, explain } from './panel.js';

export interface CopyInPlaceOptions {
  /** Copy this version over the latest (restore a version). */
  sourceVersionId?: string;
  /** Give the copy this storage class (change storage class). */
  storageClass?: string;
  /** Tests lower it to exercise the multipart path without 5 GiB objects. */
  singleCopyLimit?: number;
  signal?: AbortSignal;
  /** Bytes copied so far: 0 once the size is known, then after each part of a multipart copy (or all at once). */
  onProgress?: (copied: number, size: number) => void;
}

/** `unchanged`: the object already had the storage class asked for, so nothing was copied. */
export type CopyInPlaceOutcome = 'copied' | 'unchanged';

/**
 * Copies an object onto its own key: the way S3 changes a storage class or brings back an
 * old version. Metadata, content type and tags travel with the copy.
 */
export async function copyInPlace(ctx: BucketContext, bucket: string, key: string, options: CopyInPlaceOptions = {}): Promise<CopyInPlaceOutcome> {
  const { client } = ctx;
  const limit = options.singleCopyLimit ?? singleCopyLimit;
  const what = options.storageClass ? 'storageClass' : 'copying';
  const abortSignal = options.signal;
  try {
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key, VersionId: options.sourceVersionId }), { abortSignal });
    const size = head.ContentLength ?? 0;
    const report = (copied: number) => options.onProgress?.(copied, size);
    report(0);
    const current = head.StorageClass ?? 'STANDARD';
    // S3 refuses a copy onto itself that changes nothing; the class asked for is already there.
    if (options.storageClass === current && !options.sourceVersionId) {
      report(size);
      return 'unchanged';
    }
    const StorageClass = (options.storageClass ?? current) as StorageClass;
    if (size <= limit) {
      const CopySource = copySource(bucket, key, options.sourceVersionId);
      await client.send(new CopyObjectCommand({ Bucket: bucket, Key: key, CopySource, StorageClass, MetadataDirective: 'COPY' }), { abortSignal });
      report(size);
      return 'copied';
    }
    await multipartCopy(client, {
      from: { bucket, key, versionId: options.sourceVersionId },
      to: { bucket, key },
      size,
      headers: headersFromHead(head),
      storageClass: StorageClass,
      partLimit: limit,
      signal: abortSignal,
      onCopied: report,
    });
    return 'copied';
  } catch (error) {
    if (errorName(error) === 'InvalidObjectState') {
      throw codedError('conflict', 'coreBuckets:archivedChangeClass', undefined, error);
    }
    throw explain(error, what);
  }
}

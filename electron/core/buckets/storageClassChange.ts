import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { splitS3Path } from '../../../shared/paths.js';
import { asAppError } from '../errors.js';
import { s3ErrorTranslator } from '../s3/s3Errors.js';
import type { BucketContext } from './bucketContext.js';
import { copyInPlace } from './copyInPlace.js';

export interface StorageClassReport {
  changed: number;
  failed: { path: string; message: string }[];
}

/** Every object key a path stands for: itself, or everything under a prefix ending in '/'. */
async function* keysOf({ client }: BucketContext, bucket: string, key: string): AsyncGenerator<string> {
  if (!key.endsWith('/') && key !== '') {
    yield key;
    return;
  }
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: key, ContinuationToken: token }));
    for (const o of page.Contents ?? []) if (o.Key && !o.Key.endsWith('/')) yield o.Key;
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/** Changes the class of files and whole prefixes by copying each object onto itself. */
export async function changeStorageClass(
  ctx: BucketContext,
  paths: string[],
  storageClass: string,
  onProgress: (done: number, current: string) => void = () => undefined,
  signal?: AbortSignal,
): Promise<StorageClassReport> {
  const report: StorageClassReport = { changed: 0, failed: [] };
  let done = 0;
  for (const path of paths) {
    const { bucket, key } = splitS3Path(path);
    for await (const k of keysOf(ctx, bucket, key)) {
      const objectPath = `/${bucket}/${k}`;
      try {
        await copyInPlace(ctx, bucket, k, { storageClass, signal });
        report.changed++;
      } catch (error) {
        const known = asAppError(error, [s3ErrorTranslator]);
        if (known.kind === 'cancelled') throw known;
        report.failed.push({ path: objectPath, message: known.message });
      }
      onProgress(++done, objectPath);
    }
  }
  return report;
}

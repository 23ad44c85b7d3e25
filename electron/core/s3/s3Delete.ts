import { DeleteObjectCommand, DeleteObjectsCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DeleteReport } from '../../../shared/files.js';
import { toIpcError } from '../errors.js';
import { s3ErrorTranslator } from './s3Errors.js';
import { isXmlSafeKey } from './s3Keys.js';

/** S3's limit of keys per DeleteObjects request. */
export const deleteBatchSize = 1000;

function explain(code: string | undefined, message: string | undefined): string {
  const known = s3ErrorTranslator({ Code: code, message, $metadata: {} });
  return known?.message ?? message ?? code ?? 'The server would not delete it.';
}

/**
 * Deletes up to 1000 keys of one bucket with one DeleteObjects; keys XML cannot carry go
 * one by one. Failures come back per key.
 */
export async function deleteKeys(client: S3Client, bucket: string, keys: string[], signal?: AbortSignal): Promise<DeleteReport> {
  const report: DeleteReport = { deleted: 0, failed: [] };
  const batch = keys.filter(isXmlSafeKey);
  const singles = keys.filter((k) => !isXmlSafeKey(k));
  for (let i = 0; i < batch.length; i += deleteBatchSize) {
    const slice = batch.slice(i, i + deleteBatchSize);
    try {
      const out = await client.send(
        new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: slice.map((Key) => ({ Key })), Quiet: true } }),
        { abortSignal: signal },
      );
      const errors = out.Errors ?? [];
      for (const e of errors) report.failed.push({ path: `/${bucket}/${e.Key ?? ''}`, message: explain(e.Code, e.Message) });
      report.deleted += slice.length - errors.length;
    } catch (error) {
      const { message } = toIpcError(error, [s3ErrorTranslator]);
      for (const key of slice) report.failed.push({ path: `/${bucket}/${key}`, message });
    }
  }
  for (const key of singles) {
    try {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
      report.deleted++;
    } catch (error) {
      report.failed.push({ path: `/${bucket}/${key}`, message: toIpcError(error, [s3ErrorTranslator]).message });
    }
  }
  return report;
}

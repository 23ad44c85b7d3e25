import { describe, expect, it } from 'vitest';
import { createS3Client } from '../../electron/core/s3/s3Client.js';
import { s3SyncSide } from '../../electron/core/s3/s3SyncSide.js';

const directory = '/fast-scratch--use1-az4--x-s3/runs/';
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
/** A client that takes directory buckets as AWS does, on a loopback port nothing listens on: any request fails at once. */
const aws = createS3Client({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', forcePathStyle: true, credentials, maxAttempts: 1, directoryBuckets: true });
const buckets = { clientFor: async () => aws };

describe('folder sync with a directory bucket', () => {
  it('knows deletes there are final: directory buckets have no versioning to ask about', async () => {
    await expect(s3SyncSide(buckets).keepsVersions(directory)).resolves.toBe(false);
  });

  it('gives no checksum verdicts there, since their ETags are not MD5s, so the time rule decides', async () => {
    const remote = { relativePath: 'a.parquet', size: 5, writtenMs: 0, etag: '"8a3f1bd2c2b74f1a9d8e0c6b5a4f3e21"' };
    const outcome = await s3SyncSide(buckets).compareChecksums(directory, [{ relativePath: 'a.parquet', localPath: '/nonexistent', size: 5, remote }], () => undefined);
    expect(outcome).toEqual({ verdicts: new Map(), requests: 0 });
  });

  it('still asks a general purpose bucket', async () => {
    await expect(s3SyncSide(buckets).keepsVersions('/photos/')).rejects.toThrow();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../electron/core/s3/s3Client.js';
import { S3FileSystem } from '../../electron/core/s3/s3FileSystem.js';
import { RegionalClients } from '../../electron/core/s3/s3Regions.js';
import { s3SearchSource } from '../../electron/core/search/s3SearchSource.js';
import type { FileEntry } from '../../shared/files.js';
import { AwsReplay, type Seen } from '../support/awsReplay.js';

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

/** A ListObjectsV2 answer as S3 writes it. */
function listing(keys: string[], token?: string): string {
  const contents = keys.map((k) => `<Contents><Key>${k}</Key><LastModified>2025-06-03T10:00:00.000Z</LastModified><ETag>"d41d8cd98f00b204e9800998ecf8427e"</ETag><Size>1</Size><StorageClass>STANDARD</StorageClass></Contents>`);
  return `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>logs</Name><Prefix>app/</Prefix><KeyCount>${keys.length}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>${token ? 'true' : 'false'}</IsTruncated>${token ? `<NextContinuationToken>${token}</NextContinuationToken>` : ''}${contents.join('')}</ListBucketResult>`;
}

describe('S3 search over empty truncated pages (replayed S3 answers)', () => {
  const replay = new AwsReplay();
  let clients: RegionalClients;

  beforeAll(async () => {
    const endpoint = await replay.start();
    const options = { endpoint, region: 'us-east-1', forcePathStyle: true, credentials, maxAttempts: 1 };
    clients = new RegionalClients(createS3Client(options), options);
  });
  afterAll(async () => {
    clients.destroy();
    await replay.close();
  });

  it('follows the token of a truncated page that holds no keys instead of ending the range there', async () => {
    // S3 may answer a page with no keys that is still truncated (keys it skipped, such as
    // expired ones): only its continuation token leads to the rest.
    replay.route = (req: Seen) => {
      const query = new URL(req.url, 'http://x').searchParams;
      if (query.get('continuation-token') === 'after-gap') return { body: listing(['app/b.log', 'app/c.log']) };
      return { body: listing([], 'after-gap') };
    };
    replay.seen = [];
    const found: FileEntry[] = [];
    let requests = 0;
    const fs = new S3FileSystem(clients, { bookmarkedBuckets: () => [], forcePathStyle: true });
    await s3SearchSource(fs, '/logs/app/')({
      signal: new AbortController().signal,
      beforeRequest: async () => void requests++,
      matches: (name) => name.endsWith('.log'),
      listed: (entries) => void found.push(...entries),
      skippedFolder: () => undefined,
    });
    expect(found.map((e) => e.name).sort()).toEqual(['b.log', 'c.log']);
    const listings = replay.seen.filter((s) => s.url.includes('list-type=2'));
    expect(listings).toHaveLength(2);
    expect(requests).toBe(2);
  });
});

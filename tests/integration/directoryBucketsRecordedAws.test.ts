import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBucketSettings } from '../../electron/core/buckets/readSettings.js';
import { createS3Client, type S3ClientOptions } from '../../electron/core/s3/s3Client.js';
import { S3FileSystem } from '../../electron/core/s3/s3FileSystem.js';
import { RegionalClients } from '../../electron/core/s3/s3Regions.js';
import { GetBucketVersioningCommand } from '@aws-sdk/client-s3';
import { UnorderedPages } from '../../renderer/src/features/browser/unorderedPages.js';
import { s3SearchSource } from '../../electron/core/search/s3SearchSource.js';
import type { FileEntry } from '../../shared/files.js';
import { AwsReplay, awsFixture, subresource, type Reply, type Seen } from '../support/awsReplay.js';

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const directory = 'fast-scratch--use1-az4--x-s3';

/** What AWS answers each request these tests send, by its query. */
function awsAnswers(req: Seen): Reply {
  const query = new URL(req.url, 'http://x').searchParams;
  if (query.get('x-id') === 'ListDirectoryBuckets') return { body: awsFixture('ListDirectoryBuckets.xml') };
  if (query.get('x-id') === 'ListBuckets') return { body: awsFixture('ListBuckets.xml') };
  if (query.has('session')) return { body: awsFixture('CreateSession.xml') };
  if (query.get('list-type') === '2') {
    return { body: awsFixture(query.has('continuation-token') ? 'ListObjectsV2-directory-page2.xml' : 'ListObjectsV2-directory-page1.xml') };
  }
  if (query.has('encryption')) return { body: awsFixture('GetBucketEncryption-kms.xml') };
  if (query.has('lifecycle')) return { body: awsFixture('GetBucketLifecycleConfiguration.xml') };
  if (query.has('policy')) return { status: 404, body: '<Error><Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message></Error>' };
  return { status: 501, body: '<Error><Code>NotImplemented</Code><Message>not recorded</Message></Error>' };
}

describe('directory buckets (recorded AWS responses)', () => {
  const replay = new AwsReplay();
  let options: S3ClientOptions;
  const opened: RegionalClients[] = [];
  const fileSystem = (directoryBuckets: boolean) => {
    const clients = new RegionalClients(createS3Client(options), options);
    opened.push(clients);
    return new S3FileSystem(clients, { bookmarkedBuckets: () => [], forcePathStyle: true, directoryBuckets });
  };

  beforeAll(async () => {
    const endpoint = await replay.start();
    // The replaying server stands in for AWS itself, where such names are directory buckets.
    options = { endpoint, region: 'us-east-1', forcePathStyle: true, credentials, maxAttempts: 1, directoryBuckets: true };
    replay.route = awsAnswers;
  });
  afterAll(async () => {
    for (const clients of opened) clients.destroy();
    await replay.close();
  });

  it('lists directory buckets beside general purpose ones on AWS, and asks only AWS (recorded AWS responses)', async () => {
    replay.seen = [];
    const { entries } = await fileSystem(true).list('/');
    expect(entries.map((b) => [b.name, b.region])).toEqual([
      ['recorded-photos', 'us-east-1'],
      ['fast-scratch--use1-az4--x-s3', 'us-east-1'],
      ['render-cache--use1-az6--x-s3', 'us-east-1'],
    ]);
    // ListDirectoryBuckets is signed for the Regional s3express-control service.
    const control = replay.seen.find((s) => s.url.includes('ListDirectoryBuckets'))!;
    expect(String(control.headers.authorization)).toContain('/us-east-1/s3express/aws4_request');

    replay.seen = [];
    const other = await fileSystem(false).list('/');
    expect(other.entries.map((b) => b.name)).toEqual(['recorded-photos']);
    expect(replay.seen.some((s) => s.url.includes('ListDirectoryBuckets'))).toBe(false);
  });

  it('shows general purpose buckets when directory buckets may not be listed (recorded AWS responses)', async () => {
    replay.route = (req) =>
      req.url.includes('ListDirectoryBuckets')
        ? { status: 403, body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>' }
        : awsAnswers(req);
    try {
      const { entries } = await fileSystem(true).list('/');
      expect(entries.map((b) => b.name)).toEqual(['recorded-photos']);
    } finally {
      replay.route = awsAnswers;
    }
  });

  it('gathers a folder listed in no order, signed with a CreateSession session, into key order (recorded AWS responses)', async () => {
    replay.seen = [];
    const fs = fileSystem(true);
    const first = await fs.list(`/${directory}/runs/`);
    expect(first.unordered).toBe(true);
    expect(first.nextCursor).toBe('1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=');
    const second = await fs.list(`/${directory}/runs/`, first.nextCursor);
    expect(second.unordered).toBe(true);
    expect(second.nextCursor).toBeUndefined();
    const pages = new UnorderedPages();
    pages.add(first.entries);
    pages.add(second.entries);
    expect(pages.sorted().map((e) => [e.name, e.kind])).toEqual([
      ['Zulu.parquet', 'file'],
      ['a b', 'folder'],
      ['alpha.parquet', 'file'],
      ['beta.parquet', 'file'],
      ['shards', 'folder'],
      ['zeta.parquet', 'file'],
    ]);
    const session = replay.seen.filter((s) => s.url.includes('session'));
    const listings = replay.seen.filter((s) => s.url.includes('list-type=2'));
    expect(session).toHaveLength(1);
    expect(listings).toHaveLength(2);
    for (const listing of listings) expect(listing.headers['x-amz-s3session-token']).toBe('IQoJb3JpZ2luX2VjEMq//////////wEaCXVzLWVhc3QtMSJHMEUCIQDEXAMPLE');
    // The region comes from the zone id in the name: no HeadBucket or GetBucketLocation first.
    expect(replay.seen.some((s) => s.method === 'HEAD' || s.url.includes('location'))).toBe(false);
  });

  it('reads only the settings a directory bucket has and refuses the rest unsent (recorded AWS responses)', async () => {
    replay.seen = [];
    const client = createS3Client(options);
    try {
      const settings = await readBucketSettings({ client }, directory);
      expect(settings.region).toBe('us-east-1');
      expect(settings.policy).toEqual({ supported: true, value: '' });
      expect(settings.encryption).toMatchObject({ supported: true, value: { kind: 'SSE-KMS' } });
      expect(settings.lifecycle).toMatchObject({ supported: true });
      const notHere = { supported: false, message: { key: 'coreS3:directoryBucket.notApplicable', params: { bucket: directory } } };
      for (const panel of ['versioning', 'publicAccessBlock', 'website', 'cors', 'tags', 'logging', 'requesterPays', 'objectLock', 'accelerate'] as const) {
        expect(settings[panel], panel).toEqual(notHere);
      }
      const asked = new Set(replay.seen.filter((s) => !s.url.includes('session')).map((s) => subresource(s.url)));
      expect([...asked].sort()).toEqual(['encryption', 'lifecycle', 'policy']);
      await expect(client.send(new GetBucketVersioningCommand({ Bucket: directory }))).rejects.toThrow(
        '“fast-scratch--use1-az4--x-s3” is a directory bucket (S3 Express One Zone): directory buckets do not have this feature.',
      );
    } finally {
      client.destroy();
    }
  });
  it('refuses on AWS itself, and sends to another server, whose bucket is merely named like a directory bucket (recorded AWS responses)', async () => {
    const aws = createS3Client({ region: 'us-east-1', forcePathStyle: false, credentials, maxAttempts: 1 });
    const elsewhere = createS3Client({ ...options, directoryBuckets: undefined });
    try {
      await expect(aws.send(new GetBucketVersioningCommand({ Bucket: directory }))).rejects.toMatchObject({
        kind: 'unsupported',
        message: '“fast-scratch--use1-az4--x-s3” is a directory bucket (S3 Express One Zone): directory buckets do not have this feature.',
      });
      replay.seen = [];
      replay.route = (req) => (subresource(req.url) === 'versioning' ? { body: '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>' } : awsAnswers(req));
      const out = await elsewhere.send(new GetBucketVersioningCommand({ Bucket: directory }));
      expect(out.Status).toBe('Enabled');
      expect(replay.seen.filter((s) => subresource(s.url) === 'versioning')).toHaveLength(1);
    } finally {
      replay.route = awsAnswers;
      aws.destroy();
      elsewhere.destroy();
    }
  });

  it('searches a directory bucket page after page with its continuation token, never StartAfter (recorded AWS responses)', async () => {
    replay.seen = [];
    const found: FileEntry[] = [];
    let requests = 0;
    await s3SearchSource(fileSystem(true), `/${directory}/runs/`)({
      signal: new AbortController().signal,
      beforeRequest: async () => void requests++,
      matches: (name) => name.endsWith('.parquet'),
      listed: (entries) => void found.push(...entries),
      skippedFolder: () => undefined,
    });
    expect(found.map((e) => e.name).sort()).toEqual(['Zulu.parquet', 'alpha.parquet', 'beta.parquet', 'zeta.parquet']);
    const listings = replay.seen.filter((s) => s.url.includes('list-type=2'));
    expect(listings).toHaveLength(2);
    expect(requests).toBe(2);
    expect(listings.some((s) => s.url.includes('start-after'))).toBe(false);
    expect(listings[1]!.url).toContain('continuation-token=');
  });
});

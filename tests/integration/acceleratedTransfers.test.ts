import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AcceleratedTransfers } from '../../electron/core/s3/acceleratedTransfers.js';
import { createS3Client } from '../../electron/core/s3/s3Client.js';
import { RegionalClients } from '../../electron/core/s3/s3Regions.js';
import { S3TransferDriver } from '../../electron/core/s3/s3TransferDriver.js';
import { awsErrorAnswer, startRewritingS3Proxy, type RewritingS3Proxy } from '../support/rewritingS3Proxy.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const keys = { accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey };
const accelerateXml = (status: string) =>
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'aws', 'GetBucketAccelerateConfiguration.xml'), 'utf8').replace('Enabled', status);
const statuses: Record<string, string> = { 'fast-bucket': 'Enabled', 'slow-bucket': 'Suspended' };

describe('transfers on the accelerate endpoint where the bucket has it on (recorded AWS responses)', () => {
  let proxy: RewritingS3Proxy;
  const asked: string[] = [];

  beforeAll(async () => {
    proxy = await startRewritingS3Proxy(env.s3.endpoint, (method, url) => {
      const bucket = url.pathname.split('/')[1] ?? '';
      if (method === 'HEAD' && url.pathname.replace(/\/$/, '') === `/${bucket}`) return { status: 200, headers: { 'x-amz-bucket-region': 'eu-west-1' }, body: '' };
      if (method === 'GET' && url.searchParams.has('accelerate')) {
        asked.push(bucket);
        const status = statuses[bucket];
        if (status) return { status: 200, headers: { 'Content-Type': 'application/xml' }, body: accelerateXml(status) };
        return awsErrorAnswer(403, '<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>TX1</RequestId><HostId>H</HostId></Error>');
      }
      return undefined;
    });
  });
  afterAll(async () => {
    await proxy.close();
  });

  it('chooses each bucket’s driver once: accelerated where on; the usual one where off, refused, or the name has dots (recorded AWS responses)', async () => {
    const options = { endpoint: proxy.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: keys };
    const clients = new RegionalClients(createS3Client(options), options);
    const usual = new S3TransferDriver(createS3Client(options), undefined, clients);
    const made: { bucket: string; region: string; driver: S3TransferDriver }[] = [];
    const transfers = new AcceleratedTransfers(usual, clients, (bucket, region) => {
      const driver = new S3TransferDriver(createS3Client({ region, credentials: keys, forcePathStyle: false, useAccelerateEndpoint: true }), undefined, clients);
      made.push({ bucket, region, driver });
      return driver;
    });
    try {
      const fast = await transfers.driverFor('/fast-bucket/a/b.bin');
      expect(made).toEqual([{ bucket: 'fast-bucket', region: 'eu-west-1', driver: fast }]);
      expect(await transfers.driverFor('/fast-bucket/other.bin')).toBe(fast);
      expect(await transfers.driverFor('/slow-bucket/x')).toBe(usual);
      expect(await transfers.driverFor('/refused-bucket/x')).toBe(usual);
      expect(await transfers.driverFor('/dotted.bucket.name/x')).toBe(usual);
      expect(asked).toEqual(['fast-bucket', 'slow-bucket', 'refused-bucket']);
    } finally {
      clients.destroy();
    }
  });

  it('an accelerated client addresses the bucket’s accelerate endpoint, signed for the bucket’s region', async () => {
    const client = createS3Client({ region: 'eu-west-1', credentials: keys, forcePathStyle: false, useAccelerateEndpoint: true });
    const url = new URL(await getSignedUrl(client, new GetObjectCommand({ Bucket: 'fast-bucket', Key: 'a/b.bin' }), { expiresIn: 60 }));
    expect(url.host).toBe('fast-bucket.s3-accelerate.amazonaws.com');
    expect(url.searchParams.get('X-Amz-Credential')).toContain('/eu-west-1/s3/');
    client.destroy();
  });
});

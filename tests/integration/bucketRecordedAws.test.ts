import { readFileSync } from 'node:fs';
import { createServer, Agent, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAccountPublicAccessBlock } from '../../electron/core/buckets/accountBlock.js';
import { restoreObject, restoreStatus } from '../../electron/core/buckets/archiveRestore.js';
import { readBucketSettings } from '../../electron/core/buckets/readSettings.js';
import { setEncryption } from '../../electron/core/buckets/writeSettings.js';
import { setLogging } from '../../electron/core/buckets/loggingAndPayment.js';
import { toIpcError } from '../../electron/core/errors.js';
import { s3ErrorTranslator } from '../../electron/core/s3/s3Errors.js';
import { recordedAwsNotifications } from '../support/recordedNotifications.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'aws');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');

interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}
interface Seen {
  method: string;
  host: string;
  url: string;
  body: string;
}

/** A tiny HTTP server replaying recorded AWS answers, chosen by a route function per test. */
class Replay {
  server!: Server;
  seen: Seen[] = [];
  route: (req: Seen) => Reply = () => ({ status: 500 });

  async start(): Promise<string> {
    this.server = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const seen = { method: req.method ?? '', host: req.headers.host ?? '', url: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') };
      this.seen.push(seen);
      const reply = this.route(seen);
      const body = reply.body ?? '';
      res.writeHead(reply.status ?? 200, {
        'content-type': body.startsWith('{') ? 'application/json' : 'application/xml',
        'x-amz-request-id': 'RECORDED',
        ...reply.headers,
      });
      res.end(body);
    });
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
}

/** S3 query sub-resource of a request: `/bucket?website` → 'website'. */
const subresource = (url: string) => new URL(url, 'http://x').searchParams.keys().next().value ?? '';
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

describe('AWS-only bucket features (recorded AWS responses)', () => {
  const replay = new Replay();
  let client: S3Client;
  let endpoint: string;

  beforeAll(async () => {
    endpoint = await replay.start();
    client = new S3Client({ endpoint, region: 'eu-central-1', forcePathStyle: true, credentials, maxAttempts: 1 });
  });
  afterAll(async () => {
    client.destroy();
    await new Promise((done) => replay.server.close(done));
  });

  it('reads every panel of a configured AWS bucket in eu-central-1, with the dotted website endpoint (recorded AWS responses)', async () => {
    const bodies: Record<string, Reply> = {
      location: { body: fixture('GetBucketLocation-eu-central-1.xml') },
      versioning: { body: fixture('GetBucketVersioning.xml') },
      publicAccessBlock: { body: fixture('GetPublicAccessBlock.xml') },
      policyStatus: { body: fixture('GetBucketPolicyStatus.xml') },
      acl: { body: fixture('GetBucketAcl.xml') },
      website: { body: fixture('GetBucketWebsite.xml') },
      lifecycle: { body: fixture('GetBucketLifecycleConfiguration.xml') },
      cors: { status: 404, body: fixture('NoSuchCORSConfiguration.xml') },
      tagging: { body: fixture('GetBucketTagging.xml') },
      policy: { body: fixture('GetBucketPolicy.json') },
      encryption: { body: fixture('GetBucketEncryption-kms.xml') },
      logging: { body: fixture('GetBucketLogging.xml') },
      requestPayment: { body: fixture('GetBucketRequestPayment.xml') },
      'object-lock': { body: fixture('GetObjectLockConfiguration.xml') },
      accelerate: { body: fixture('GetBucketAccelerateConfiguration.xml') },
      replication: { status: 404, body: fixture('ReplicationConfigurationNotFoundError.xml') },
      notification: { body: fixture('GetBucketNotificationConfiguration.xml') },
    };
    replay.route = (req) => bodies[subresource(req.url)] ?? { status: 500 };
    const settings = await readBucketSettings(
      {
        client,
        readAccountBlock: async () => ({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: false }),
      },
      'recorded-bucket',
    );
    expect(settings).toEqual({
      bucket: 'recorded-bucket',
      region: 'eu-central-1',
      versioning: { supported: true, value: 'Suspended' },
      publicAccessBlock: { supported: true, value: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false } },
      accountPublicAccessBlock: { supported: true, value: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: false } },
      publicStatus: { supported: true, value: { policyIsPublic: true, aclGrantsPublic: ['Everyone: READ'], isPublic: true } },
      website: {
        supported: true,
        value: {
          config: {
            mode: 'site',
            indexDocument: 'index.html',
            errorDocument: '404.html',
            routingRules: [{ Condition: { KeyPrefixEquals: 'docs/' }, Redirect: { ReplaceKeyPrefixWith: 'documents/' } }],
          },
          endpoint: 'http://recorded-bucket.s3-website.eu-central-1.amazonaws.com',
        },
      },
      lifecycle: {
        supported: true,
        value: [
          { id: 'archive-logs', enabled: true, prefix: 'logs/', transitions: [{ days: 90, storageClass: 'GLACIER' }], expirationDays: 3650, abortIncompleteMultipartDays: 7 },
        ],
      },
      cors: { supported: true, value: [] },
      tags: { supported: true, value: [{ key: 'Project', value: 'Project One' }] },
      policy: { supported: true, value: JSON.stringify(JSON.parse(fixture('GetBucketPolicy.json')), null, 2) },
      encryption: {
        supported: true,
        value: { kind: 'SSE-KMS', keyId: 'arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', bucketKey: true },
      },
      logging: { supported: true, value: { enabled: true, targetBucket: 'recorded-logs', targetPrefix: 'access/recorded-bucket/' } },
      requesterPays: { supported: true, value: true },
      objectLock: { supported: true, value: { enabled: true, defaultRetention: { mode: 'COMPLIANCE', years: 7 } } },
      accelerate: { supported: true, value: { enabled: true, nameHasDots: false } },
      replication: { supported: true, value: { role: '', rules: [], onAws: true } },
      notifications: { supported: true, value: recordedAwsNotifications },
    });
  });

  it('names the website endpoint with a dash in the older regions such as us-west-2 (recorded AWS responses)', async () => {
    replay.route = (req) => {
      const sub = subresource(req.url);
      if (sub === 'location') return { body: fixture('GetBucketLocation-us-west-2.xml') };
      if (sub === 'website') return { body: fixture('GetBucketWebsite.xml') };
      return { status: 501, body: '<Error><Code>NotImplemented</Code><Message>not recorded</Message></Error>' };
    };
    const settings = await readBucketSettings({ client }, 'site-bucket');
    expect(settings.website).toMatchObject({ supported: true, value: { endpoint: 'http://site-bucket.s3-website-us-west-2.amazonaws.com' } });
    expect(settings.encryption).toEqual({ supported: false, message: { key: 'coreBuckets:notSupported' } });
  });

  it('sends SSE-KMS default encryption with the key id (recorded AWS responses)', async () => {
    replay.seen = [];
    replay.route = () => ({ status: 200 });
    const keyId = 'arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    await setEncryption({ client }, 'recorded-bucket', { kind: 'SSE-KMS', keyId, bucketKey: true });
    const put = replay.seen.find((s) => s.method === 'PUT')!;
    expect(subresource(put.url)).toBe('encryption');
    expect(put.body).toContain('<SSEAlgorithm>aws:kms</SSEAlgorithm>');
    expect(put.body).toContain(`<KMSMasterKeyID>${keyId}</KMSMasterKeyID>`);
    expect(put.body).toContain('<BucketKeyEnabled>true</BucketKeyEnabled>');
  });

  it('sends server access logging to a target bucket and explains a target AWS refuses (recorded AWS responses)', async () => {
    replay.seen = [];
    replay.route = () => ({ status: 200 });
    await setLogging({ client }, 'recorded-bucket', { enabled: true, targetBucket: 'recorded-logs', targetPrefix: 'access/' });
    const put = replay.seen.find((s) => s.method === 'PUT')!;
    expect(subresource(put.url)).toBe('logging');
    expect(put.body).toContain('<TargetBucket>recorded-logs</TargetBucket>');
    expect(put.body).toContain('<TargetPrefix>access/</TargetPrefix>');
    replay.route = () => ({ status: 400, body: fixture('InvalidTargetBucketForLogging.xml') });
    await expect(setLogging({ client }, 'recorded-bucket', { enabled: true, targetBucket: 'someone-elses-logs', targetPrefix: '' })).rejects.toThrow(
      '"someone-elses-logs" cannot receive the logs: it must exist in the same region and allow the S3 logging service to write to it (a bucket policy for logging.s3.amazonaws.com).',
    );
  });

  it('restores a Glacier object and follows x-amz-restore from in progress to restored (recorded AWS responses)', async () => {
    let restore: string | undefined;
    replay.seen = [];
    replay.route = (req) => {
      if (req.method === 'HEAD') {
        return { headers: { 'x-amz-storage-class': 'GLACIER', 'content-length': '0', ...(restore ? { 'x-amz-restore': restore } : {}) } };
      }
      if (req.method === 'POST' && subresource(req.url) === 'restore') return { status: 202 };
      return { status: 500 };
    };
    const ctx = { client };
    expect(await restoreStatus(ctx, 'b', 'cold/photo.raw')).toEqual({ state: 'archived' });
    await restoreObject(ctx, 'b', 'cold/photo.raw', 7, 'Bulk', 'GLACIER');
    const post = replay.seen.find((s) => s.method === 'POST')!;
    expect(post.body).toContain('<Days>7</Days>');
    expect(post.body).toContain('<Tier>Bulk</Tier>');
    restore = 'ongoing-request="true"';
    expect(await restoreStatus(ctx, 'b', 'cold/photo.raw')).toEqual({ state: 'inProgress' });
    restore = 'ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"';
    expect(await restoreStatus(ctx, 'b', 'cold/photo.raw')).toEqual({ state: 'restored', expires: Date.UTC(2012, 11, 21) });
  });

  it('explains a second restore, Expedited on Deep Archive and downloading an archived object (recorded AWS responses)', async () => {
    replay.route = (req) =>
      req.method === 'POST' ? { status: 409, body: fixture('RestoreAlreadyInProgress.xml') } : { status: 403, body: fixture('InvalidObjectState-GetObject.xml') };
    await expect(restoreObject({ client }, 'b', 'k', 1, 'Standard', 'GLACIER')).rejects.toThrow('A restore of this object is already in progress.');
    await expect(restoreObject({ client }, 'b', 'k', 1, 'Expedited', 'DEEP_ARCHIVE')).rejects.toThrow(
      'Expedited retrieval is not available for DEEP_ARCHIVE: choose Standard or Bulk.',
    );
    const download = await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })).catch((e: unknown) => e);
    expect(toIpcError(download, [s3ErrorTranslator])).toMatchObject({
      kind: 'conflict',
      message: 'The object is archived (Glacier or Deep Archive): restore it first.',
    });
  });

  it('reads the account-level Block Public Access through STS and S3 Control (recorded AWS responses)', async () => {
    replay.seen = [];
    replay.route = (req) =>
      req.method === 'POST' ? { body: fixture('sts-GetCallerIdentity.xml'), headers: { 'content-type': 'text/xml' } } : { body: fixture('s3control-GetPublicAccessBlock.xml') };
    // S3 Control puts the account id in the host name: resolve every name to the replay server.
    const agent = new Agent({
      lookup: (_host, opts, done) => {
        const answer = done as (error: null, address: unknown, family?: number) => void;
        if ((opts as { all?: boolean }).all) answer(null, [{ address: '127.0.0.1', family: 4 }]);
        else answer(null, '127.0.0.1', 4);
      },
    });
    const block = await readAccountPublicAccessBlock({
      region: 'us-east-1',
      credentials,
      stsEndpoint: endpoint,
      s3ControlEndpoint: endpoint.replace('127.0.0.1', 'localhost'),
      requestHandler: new NodeHttpHandler({ httpAgent: agent }),
    });
    expect(block).toEqual({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: false });
    const control = replay.seen.find((s) => s.method === 'GET')!;
    expect(control.host.startsWith('123456789012.')).toBe(true);
    expect(control.url).toBe('/v20180820/configuration/publicAccessBlock');
    agent.destroy();
  });
});

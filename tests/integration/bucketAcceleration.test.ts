import { type S3Client } from '@aws-sdk/client-s3';
import type { FinalizeRequestMiddleware, MetadataBearer } from '@aws-sdk/types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAccelerate, readBucketSettings } from '../../electron/core/buckets/readSettings.js';
import { setAccelerate } from '../../electron/core/buckets/writeSettings.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore } from '../support/headlessCore.js';
import { startRewritingS3Proxy, type RewritingS3Proxy } from '../support/rewritingS3Proxy.js';
import { createBucketWith, removeBucket, rgwDraft, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
const recorded = (status: 'Enabled' | 'Suspended') =>
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'aws', 'GetBucketAccelerateConfiguration.xml'), 'utf8').replace('Enabled', status);

describe('Transfer Acceleration (recorded AWS responses)', () => {
  const bucket = uniqueBucketName('accel');
  let proxy: RewritingS3Proxy;
  let viaProxy: S3Client;
  /** What AWS holds for the bucket, and the bodies of the PutBucketAccelerateConfiguration requests sent. */
  let status: 'Enabled' | 'Suspended' = 'Enabled';
  const sent: string[] = [];

  beforeAll(async () => {
    await createBucketWith(s3, bucket, {});
    // RGW answers everything but ?accelerate, which gets AWS's recorded answer.
    proxy = await startRewritingS3Proxy(env.s3.endpoint, (method, url) => {
      if (!url.searchParams.has('accelerate')) return undefined;
      if (method === 'PUT') status = sent.at(-1)?.includes('<Status>Suspended</Status>') ? 'Suspended' : 'Enabled';
      const body = method === 'GET' ? recorded(status) : '';
      return { status: 200, body, headers: { 'Content-Type': 'application/xml', 'x-amz-request-id': 'RECORDED', Server: 'AmazonS3' } };
    });
    viaProxy = testS3Client(env, 1, proxy.endpoint);
    const capture: FinalizeRequestMiddleware<object, MetadataBearer> = (next) => async (args) => {
      const request = args.request as { query?: Record<string, unknown>; body?: unknown };
      if (request.query && 'accelerate' in request.query && typeof request.body === 'string') sent.push(request.body);
      return next(args);
    };
    viaProxy.middlewareStack.add(capture, { step: 'finalizeRequest', name: 'captureAccelerateBody' });
  });
  afterAll(async () => {
    viaProxy.destroy();
    await proxy.close();
    await removeBucket(s3, bucket);
  });

  it('reads acceleration on at AWS, suspends and enables it, and reads the change back (recorded AWS responses)', async () => {
    // No endpoint URL in the context: the bucket services treat the server as AWS.
    const aws = { client: viaProxy };
    expect((await readBucketSettings(aws, bucket)).accelerate).toEqual({ supported: true, value: { enabled: true, nameHasDots: false } });

    await setAccelerate(aws, bucket, false);
    expect(sent.at(-1)).toContain('<Status>Suspended</Status>');
    expect(await readAccelerate(aws, bucket)).toEqual({ supported: true, value: { enabled: false, nameHasDots: false } });

    await setAccelerate(aws, bucket, true);
    expect(sent.at(-1)).toContain('<Status>Enabled</Status>');
    expect(await readAccelerate(aws, bucket)).toEqual({ supported: true, value: { enabled: true, nameHasDots: false } });
    expect(proxy.rewritten()).toBe(5);
  });

  it('refuses to enable it for a bucket name with dots before asking AWS, and still lets it be suspended (recorded AWS responses)', async () => {
    const aws = { client: viaProxy };
    const before = proxy.rewritten();
    await expect(setAccelerate(aws, 'photos.example.com', true)).rejects.toMatchObject({
      kind: 'invalidInput',
      message: 'AWS cannot accelerate “photos.example.com”: bucket names with dots cannot use Transfer Acceleration.',
    });
    expect(proxy.rewritten()).toBe(before);
    expect(await readAccelerate(aws, 'photos.example.com')).toMatchObject({ supported: true, value: { nameHasDots: true } });
    await setAccelerate(aws, 'photos.example.com', false);
    expect(sent.at(-1)).toContain('<Status>Suspended</Status>');
  });

  it('says "AWS only" for the panel and refuses the switch at the real RGW (a custom endpoint)', async () => {
    const h = await startHeadlessCore();
    try {
      const call = coreClient(h.core);
      const id = (await call('connections:save', { draft: rgwDraft(env, 'RGW accel') })).id;
      await call('connections:connect', { id });
      expect((await call('buckets:settings', { connectionId: id, bucket })).accelerate).toEqual({
        supported: false,
        message: { key: 'coreBuckets:accelerateAwsOnly' },
      });
      expect(await failureOf(call('buckets:setAccelerate', { connectionId: id, bucket, enabled: true }))).toMatchObject({
        kind: 'unsupported',
        message: 'Transfer Acceleration exists on AWS only.',
      });
    } finally {
      await h.dispose();
    }
  });
});

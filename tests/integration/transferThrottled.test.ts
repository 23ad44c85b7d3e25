// A server that asks to slow down (503 SlowDown, recorded AWS answers from a loopback proxy in
// front of the real RGW): a refused part is sent again only after a backoff, never at once,
// and the retry layers do not multiply: one part is sent at most once per attempt the queue
// allows (1 + "retries"), not the SDK's attempts times the queue's.
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/createCore.js';
import { coreClient } from '../support/coreClient.js';
import { awsErrorAnswer, startRewritingS3Proxy, type RewritingS3Proxy } from '../support/rewritingS3Proxy.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectS3, coreOn, MiB, waitFor } from './transferSupport.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
const slowDown = awsErrorAnswer(
  503,
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>recorded</HostId></Error>',
);
const done = (t: { state: string }) => t.state === 'completed' || t.state === 'failed';

describe('a throttling server (recorded AWS SlowDown answers before the real RGW)', () => {
  const bucket = uniqueBucketName('xfer-slowdown');
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let proxy: RewritingS3Proxy;
  /** When each send of part 2 arrived, and how many to refuse. */
  const part2: number[] = [];
  let refuse = 0;
  let id = '';

  beforeAll(async () => {
    work = await makeTempDir('xfer-slowdown');
    await createBucketWith(s3, bucket, {});
    proxy = await startRewritingS3Proxy(env.s3.endpoint, (method, url) => {
      if (method !== 'PUT' || url.searchParams.get('partNumber') !== '2') return undefined;
      part2.push(Date.now());
      return part2.length <= refuse ? slowDown : undefined;
    });
    core = await coreOn(join(work.path, 'data'), work.path);
    id = await connectS3(core, env, proxy.endpoint);
    await coreClient(core)('transfers:setSettings', { changes: { conflictPolicy: 'overwrite', partSize: 5 * MiB, multipartThreshold: 5 * MiB, retries: 3 } });
  });
  afterAll(async () => {
    await core.shutdown();
    await proxy.close();
    await removeBucket(s3, bucket);
    await work.remove();
  });

  const upload = async (name: string) => {
    const file = join(work.path, name);
    await writeFile(file, randomBytes(12 * MiB));
    const [t] = await coreClient(core)('transfers:upload', { connectionId: id, localPaths: [file], remoteFolder: `/${bucket}/` });
    return waitFor(core, t!.id, done, 90_000);
  };

  it('sends a throttled part again only after backing off, and completes', async () => {
    part2.length = 0;
    refuse = 2;
    const finished = await upload('backs-off.bin');
    expect(finished.state).toBe('completed');
    expect(part2).toHaveLength(3);
    // The queue's backoff (1 s, then 2 s, with jitter), not the SDK's immediate resend.
    expect(part2[1]! - part2[0]!).toBeGreaterThanOrEqual(900);
    expect(part2[2]! - part2[1]!).toBeGreaterThanOrEqual(1800);
  });

  it('sends a part at most 1 + "retries" times when the server keeps refusing it, then fails with a sentence', async () => {
    part2.length = 0;
    refuse = 100;
    const finished = await upload('gives-up.bin');
    expect(finished.state).toBe('failed');
    expect(finished.error?.kind).toBe('network');
    expect(part2).toHaveLength(4);
  });
});

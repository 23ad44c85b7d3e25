// SIGKILL of the core process during a copy between two S3 accounts (streamed through the
// core into a multipart upload), then a new core process on the same data folder: the job is
// still there, resumes from the parts ListParts names, and the object ends byte-identical (or
// the job clearly fails); no incomplete multipart upload is left; the parts the server held
// when the core died are not sent again. The target connection talks to the RGW through a
// counting relay, which sees every request the new core sends.
import { createHash, randomBytes } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { startCountingS3Relay, type CountingS3Relay } from '../support/countingS3Relay.js';
import { createBucketWith, emptyPrefix, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { s3Draft } from '../integration/transferSupport.js';
import { buildCoreProcess, connect, faultCase, judgeOutcome, MiB, moments, restartAndFinish, startCaseCore } from './crashHarness.js';
import { killOnAnswer, type Moment } from './killOnAnswer.js';
import { abortUploads, heldParts, incompleteUploads, objectFacts, partsInEtag } from './s3Checks.js';

const env = readTestbedEnv();
const s3a = testS3Client(env, 1);
const s3b = testS3Client(env, 2);
const secretBox = createHeadlessSecretBox();

describe('SIGKILL of the core process during a copy between S3 accounts, then a new core process on the same data', () => {
  const source = uniqueBucketName('fault-copy-src');
  const target = uniqueBucketName('fault-copy-dst');
  const size = 64 * MiB + 5;
  const body = randomBytes(size);
  const sha = createHash('sha256').update(body).digest('hex');
  let work: TempDir;
  let modulePath: string;
  let relay: CountingS3Relay;

  beforeAll(async () => {
    work = await makeTempDir('fault-copy');
    modulePath = await buildCoreProcess(work.path);
    relay = await startCountingS3Relay(env.s3.endpoint);
    await createBucketWith(s3a, source, {});
    await createBucketWith(s3b, target, {});
    await s3a.send(new PutObjectCommand({ Bucket: source, Key: 'big.bin', Body: body }));
  });
  afterAll(async () => {
    await abortUploads(s3b, target).catch(() => undefined);
    await removeBucket(s3a, source).catch(() => undefined);
    await removeBucket(s3b, target).catch(() => undefined);
    await relay?.close();
    await work?.remove();
  });

  async function crashCopy(name: string, moment: Moment, leftoverClearedOnConnect = false) {
    await faultCase(name, async (run) => {
      const prefix = `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}/`;
      const key = `${prefix}big.bin`;
      run.countOrphans = async () => (await incompleteUploads(s3b, target, prefix)).length;
      run.afterwards(() => abortUploads(s3b, target, prefix));
      run.afterwards(() => emptyPrefix(s3b, target, prefix));
      const targetDraft = { ...s3Draft(env, relay.endpoint), name: 'RGW 2', auth: { kind: 'keys' as const, accessKeyId: env.s3.accessKeyId2, secretAccessKey: env.s3.secretAccessKey2 } };
      const c = await startCaseCore(run, { modulePath, secretBox, draft: targetDraft, settings: { uploadLimit: 16 * MiB, retries: 2, conflictPolicy: 'overwrite' } });
      const { h } = c;
      const sourceId = (await h.call('connections:save', { draft: s3Draft(env) })).id;
      await connect(h, sourceId);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const watch = h.watchJobs();
      const [t] = await h.call('transfers:copyBetween', { source: { connectionId: sourceId, paths: [`/${source}/big.bin`] }, target: { connectionId: c.connectionId, folder: `/${target}/${prefix}` } });
      await moment(h, watch, t!.id, key);

      await relay.settled();
      const atDeath = await objectFacts(s3b, target, key, true);
      const completeAtDeath = atDeath?.sha256 === sha;
      const held = await heldParts(s3b, target, key);
      const mark = relay.requests.length;
      const orphansAtDeath = (await incompleteUploads(s3b, target, prefix)).length;
      const { back, done } = await restartAndFinish(c, t!.id, 120_000, async () => {
        await connect(h, sourceId);
        if (!leftoverClearedOnConnect) return;
        expect(orphansAtDeath, 'the dead core left an unnamed upload').toBe(1);
        const until = Date.now() + 15_000;
        while ((await incompleteUploads(s3b, target, prefix)).length > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
        expect(await incompleteUploads(s3b, target, prefix), 'incomplete uploads once the connection is up').toEqual([]);
      });
      const landed = await objectFacts(s3b, target, key);
      judgeOutcome(run, name, back, done, landed?.sha256, sha);

      const after = relay.requests.slice(mark).filter((r) => r.path === `/${target}/${key}` && r.method === 'PUT');
      const partsSent = after.filter((r) => r.query.has('partNumber')).map((r) => Number(r.query.get('partNumber')));
      if (completeAtDeath) {
        expect(partsSent, 'the object was already complete when the core died').toEqual([]);
      } else {
        const again = partsSent.filter((n) => held.has(n));
        expect(again, `part(s) [${again.join(', ')}] were on the server when the core died, and were sent again`).toEqual([]);
        const total = partsInEtag(landed?.etag);
        if (done?.state === 'completed' && total !== undefined) expect(partsSent.length).toBeLessThanOrEqual(total - held.size);
      }
      if (done?.state === 'failed') await h.call('transfers:cancel', { ids: [t!.id] });
      expect(await incompleteUploads(s3b, target, prefix), 'incomplete multipart uploads left').toEqual([]);
    });
  }

  it('middle: killed when half the bytes are copied', async () => {
    await crashCopy('crash: S3 copy across accounts, middle', (h, watch, id) => moments.middle(h, watch, id, size));
  });

  it('start: killed as CreateMultipartUpload answers, before the core hears the UploadId', async () => {
    await crashCopy('crash: S3 copy across accounts, at CreateMultipartUpload', killOnAnswer(relay, target, (method, query) => method === 'POST' && query.has('uploads')), true);
  });

  it('end: killed as CompleteMultipartUpload answers, before the core hears of it', async () => {
    await crashCopy('crash: S3 copy across accounts, end', killOnAnswer(relay, target, (method, query, status) => method === 'POST' && query.has('uploadId') && status === 200));
  });
});

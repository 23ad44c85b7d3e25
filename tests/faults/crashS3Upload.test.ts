// SIGKILL of the core process during an S3 multipart upload, then a new core process on the
// same data folder: the job is still there, resumes, and the object ends byte-identical (or
// the job clearly fails); no incomplete multipart upload is left; and the parts the server
// held when the core died are not sent again. The core talks to the RGW through a counting
// relay, which sees every UploadPart the new core sends.
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { startCountingS3Relay, type CountingS3Relay } from '../support/countingS3Relay.js';
import { createBucketWith, emptyPrefix, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { s3Draft } from '../integration/transferSupport.js';
import {
  buildCoreProcess,
  faultCase,
  judgeOutcome,
  MiB,
  moments,
  restartAndFinish,
  sha256File,
  startCaseCore,
  writeRandomFile,
} from './crashHarness.js';
import { abortUploads, heldParts, incompleteUploads, objectFacts, partsInEtag } from './s3Checks.js';
import { killOnAnswer, type Moment } from './killOnAnswer.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
// One box for the whole file, as main keeps one safeStorage: the restarted core opens the saved secret.
const secretBox = createHeadlessSecretBox();

describe('SIGKILL of the core process during an S3 upload, then a new core process on the same data', () => {
  const bucket = uniqueBucketName('fault-s3-up');
  let work: TempDir;
  let modulePath: string;
  let relay: CountingS3Relay;
  let big: string;
  let medium: string;
  const shaOf = new Map<string, string>();

  beforeAll(async () => {
    work = await makeTempDir('fault-s3-up');
    modulePath = await buildCoreProcess(work.path);
    relay = await startCountingS3Relay(env.s3.endpoint);
    await createBucketWith(s3, bucket, {});
    big = join(work.path, 'big.bin');
    medium = join(work.path, 'medium.bin');
    await writeRandomFile(big, 300 * MiB);
    await writeRandomFile(medium, 64 * MiB + 5);
    for (const f of [big, medium]) shaOf.set(f, (await sha256File(f))!);
  });
  afterAll(async () => {
    await abortUploads(s3, bucket).catch(() => undefined);
    await removeBucket(s3, bucket).catch(() => undefined);
    await relay?.close();
    await work?.remove();
  });

  async function crashUpload(name: string, file: string, uploadLimit: number, moment: Moment, leftoverClearedOnConnect = false) {
    await faultCase(name, async (run) => {
      const prefix = `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}/`;
      const key = `${prefix}${basename(file)}`;
      const sha = shaOf.get(file)!;
      run.countOrphans = async () => (await incompleteUploads(s3, bucket, prefix)).length;
      // The memstore RGW keeps every byte in RAM: leave nothing once the case is counted.
      run.afterwards(() => abortUploads(s3, bucket, prefix));
      run.afterwards(() => emptyPrefix(s3, bucket, prefix));
      const c = await startCaseCore(run, { modulePath, secretBox, draft: s3Draft(env, relay.endpoint), settings: { uploadLimit, retries: 2, conflictPolicy: 'overwrite' } });
      const { h } = c;
      // Let the bandwidth bucket fill (a quarter second's worth): the first part leaves at once.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const watch = h.watchJobs();
      const [t] = await h.call('transfers:upload', { connectionId: c.connectionId, localPaths: [file], remoteFolder: `/${bucket}/${prefix}` });
      await moment(h, watch, t!.id, key);

      // What the dead process left: the object (if it got completed) or the parts the server holds.
      await relay.settled();
      const atDeath = await objectFacts(s3, bucket, key, true);
      const completeAtDeath = atDeath?.sha256 === sha;
      const held = await heldParts(s3, bucket, key);
      const mark = relay.requests.length;
      console.info(`${name}: killed pid ${h.pid}; the server held ${completeAtDeath ? 'the whole object' : `${held.size} part(s)`}`);

      const orphansAtDeath = (await incompleteUploads(s3, bucket, prefix)).length;
      const { back, done } = await restartAndFinish(c, t!.id, 120_000, async () => {
        if (!leftoverClearedOnConnect) return;
        // The upload the dead core started but never named is aborted once the connection is up, before anyone resumes the job.
        expect(orphansAtDeath, 'the dead core left an unnamed upload').toBe(1);
        const until = Date.now() + 15_000;
        while ((await incompleteUploads(s3, bucket, prefix)).length > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
        expect(await incompleteUploads(s3, bucket, prefix), 'incomplete uploads once the connection is up').toEqual([]);
      });
      const landed = await objectFacts(s3, bucket, key);
      judgeOutcome(run, name, back, done, landed?.sha256, sha);

      const after = relay.requests.slice(mark).filter((r) => r.path === `/${bucket}/${key}` && r.method === 'PUT');
      const partsSent = after.filter((r) => r.query.has('partNumber')).map((r) => Number(r.query.get('partNumber')));
      const wholePuts = after.filter((r) => !r.query.has('partNumber')).length;
      if (completeAtDeath) {
        expect(
          { partsSent, wholePuts },
          `the object was already complete when the core died, yet the new core sent part(s) [${partsSent.join(', ')}] and ${wholePuts} whole PUT(s)`,
        ).toEqual({ partsSent: [], wholePuts: 0 });
      } else {
        const again = partsSent.filter((n) => held.has(n));
        expect(again, `part(s) [${again.join(', ')}] were on the server when the core died, and were sent again`).toEqual([]);
        const total = partsInEtag(landed?.etag);
        if (done?.state === 'completed' && total !== undefined) {
          expect(partsSent.length, `parts sent after the restart (of ${total}, ${held.size} held by the server)`).toBeLessThanOrEqual(total - held.size);
        }
      }
      // A failed job keeps its multipart upload for a retry; clearing it must leave nothing behind.
      if (done?.state === 'failed') await h.call('transfers:cancel', { ids: [t!.id] });
      expect(await incompleteUploads(s3, bucket, prefix), 'incomplete multipart uploads left').toEqual([]);
    });
  }

  it('start: killed 100 ms after a 300 MiB upload turned running', async () => {
    await crashUpload('crash: S3 upload, start', big, 64 * MiB, (h, watch, id) => moments.start(h, watch, id, 100));
  });

  it('start: killed as CreateMultipartUpload answers, before the core hears the UploadId', async () => {
    await crashUpload('crash: S3 upload, at CreateMultipartUpload', medium, 16 * MiB, killOnAnswer(relay, bucket, (method, query) => method === 'POST' && query.has('uploads')), true);
  });

  it('middle: killed when half the bytes are sent', async () => {
    await crashUpload('crash: S3 upload, middle', medium, 16 * MiB, (h, watch, id) => moments.middle(h, watch, id, 64 * MiB + 5));
  });

  it('end: killed as CompleteMultipartUpload answers, before the core hears of it', async () => {
    await crashUpload('crash: S3 upload, end', medium, 16 * MiB, killOnAnswer(relay, bucket, (method, query, status) => method === 'POST' && query.has('uploadId') && status === 200));
  });
});

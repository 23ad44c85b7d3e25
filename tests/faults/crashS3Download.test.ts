// SIGKILL of the core process during an S3 download (a multipart object, fetched in ranged
// GETs), then a new core process on the same data folder: the job is still there, resumes,
// and the file ends byte-identical with no `.part` beside it (or the job clearly fails);
// and what the new core fetches is at most what was not yet verified on disk plus the
// ranges that were in flight. The core talks to the RGW through a counting relay.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { startCountingS3Relay, type CountingS3Relay } from '../support/countingS3Relay.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { s3Draft } from '../integration/transferSupport.js';
import {
  buildCoreProcess,
  CrashableCore,
  faultCase,
  JobWatch,
  judgeOutcome,
  MiB,
  moments,
  restartAndFinish,
  savedJob,
  sha256File,
  startCaseCore,
  verifiedOnDisk,
  writeRandomFile,
} from './crashHarness.js';
import { abortUploads, putMultipart } from './s3Checks.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
const secretBox = createHeadlessSecretBox();
const size = 64 * MiB + 3;

type Moment = (h: CrashableCore, watch: JobWatch, id: string, localPath: string) => Promise<void>;

describe('SIGKILL of the core process during an S3 download, then a new core process on the same data', () => {
  const bucket = uniqueBucketName('fault-s3-down');
  const key = 'src/data.bin';
  let work: TempDir;
  let modulePath: string;
  let relay: CountingS3Relay;
  let source: string;
  let sha: string;

  beforeAll(async () => {
    work = await makeTempDir('fault-s3-down');
    modulePath = await buildCoreProcess(work.path);
    relay = await startCountingS3Relay(env.s3.endpoint);
    await createBucketWith(s3, bucket, {});
    source = join(work.path, 'source.bin');
    await writeRandomFile(source, size);
    sha = (await sha256File(source))!;
    await putMultipart(s3, bucket, key, await readFile(source), 8 * MiB);
  });
  afterAll(async () => {
    await abortUploads(s3, bucket).catch(() => undefined);
    await removeBucket(s3, bucket).catch(() => undefined);
    await relay?.close();
    await work?.remove();
  });

  async function crashDownload(name: string, moment: Moment) {
    await faultCase(name, async (run) => {
      // Two ranges in flight (not six): what a crash may cost to fetch again stays well below the whole file.
      const settings = { downloadLimit: 16 * MiB, partsInFlight: 2, retries: 2, conflictPolicy: 'overwrite' } as const;
      const c = await startCaseCore(run, { modulePath, secretBox, draft: s3Draft(env, relay.endpoint), settings });
      const { h, dataDir } = c;
      const into = join(c.caseDir, 'into');
      await mkdir(into);
      const watch = h.watchJobs();
      const [t] = await h.call('transfers:download', { connectionId: c.connectionId, remotePaths: [`/${bucket}/${key}`], localFolder: into });
      const target = t!.localPath;
      await moment(h, watch, t!.id, target);

      // What the dead process left: bytes verified on disk, and the ranges in flight when it died
      // (or finished within the last second, which its last saved checkpoint may not name yet).
      await relay.settled();
      const mark = relay.requests.length;
      const onDisk = await verifiedOnDisk(target, source, sha, size, (await savedJob(dataDir, t!.id))?.checkpoint);
      const objectGets = (r: (typeof relay.requests)[number]) => r.method === 'GET' && r.path === `/${bucket}/${key}`;
      const inFlight = onDisk.whole
        ? 0
        : relay.requests
            .slice(0, mark)
            .filter((r) => objectGets(r) && r.startedAt <= h.killedAt && (r.endedAt === undefined || r.endedAt > h.killedAt - 1000))
            .reduce((sum, r) => sum + (r.rangeBytes ?? size), 0);
      console.info(`${name}: killed pid ${h.pid}; ${onDisk.whole ? 'the whole file' : `${onDisk.bytes} bytes`} verified on disk, ${inFlight} bytes in flight`);

      const { back, done } = await restartAndFinish(c, t!.id, 90_000);
      judgeOutcome(run, name, back, done, await sha256File(target), sha);
      if (done?.state === 'completed') {
        expect(await readdir(into), 'nothing but the file beside it (no stray .part)').toEqual([t!.name]);
      }
      const fetched = relay.requests
        .slice(mark)
        .filter(objectGets)
        .reduce((sum, r) => sum + r.responseBytes, 0);
      expect(fetched, `bytes fetched again after the restart (at most ${size} - ${onDisk.bytes} verified + ${inFlight} in flight)`).toBeLessThanOrEqual(size - onDisk.bytes + inFlight);
    });
  }

  it('start: killed 100 ms after the download turned running', async () => {
    await crashDownload('crash: S3 download, start', (h, watch, id) => moments.start(h, watch, id, 100));
  });

  it('middle: killed when half the bytes are on disk', async () => {
    await crashDownload('crash: S3 download, middle', (h, watch, id) => moments.middle(h, watch, id, size));
  });

  it('end: killed as the verified file is renamed into place', async () => {
    await crashDownload('crash: S3 download, end', (h, watch, id, localPath) => moments.end(h, watch, id, join(localPath, '..'), localPath.split('/').at(-1)!));
  });
});

// Fault cases for what a download delivers (issue 18): objects whose keys share a local name,
// a .part changed while paused (single-part and multipart objects), names at the length limit,
// folder objects with content. Each case ends byte-identical or clearly failed, never a wrong
// file called "completed".
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailText, type TransferSnapshot } from '../../shared/transfers.js';
import type { Core } from '../../electron/core/createCore.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startCountingS3Relay, type CountingS3Relay } from '../support/countingS3Relay.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectS3, coreOn, waitFor } from '../integration/transferSupport.js';
import { faultCase, MiB } from './crashHarness.js';

const env = readTestbedEnv();
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('fault cases: what a download delivers, against the real RGW', () => {
  const bucket = uniqueBucketName('faults-dl');
  let s3: S3Client;
  let relay: CountingS3Relay;
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let call: ReturnType<typeof coreClient>;
  let id: string;
  const objects = new Map<string, Buffer>();

  async function put(key: string, body: Buffer, partSize?: number) {
    objects.set(key, body);
    if (partSize) await new Upload({ client: s3, params: { Bucket: bucket, Key: key, Body: body }, partSize, queueSize: 2 }).done();
    else await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  }

  async function folder(name: string) {
    const path = join(work.path, name);
    await mkdir(path);
    return path;
  }

  const settle = (t: TransferSnapshot) => waitFor(core, t.id, (x) => x.state === 'completed' || x.state === 'failed', 60_000);

  /** Counts corrupt (completed, wrong bytes) and lost (neither completed nor failed) files. */
  async function judge(run: { corrupt: number; lost: number }, jobs: TransferSnapshot[], keyOf: (t: TransferSnapshot) => string) {
    run.lost = 0;
    for (const job of jobs) {
      const t = await settle(job).catch(() => undefined);
      if (!t || (t.state !== 'completed' && t.state !== 'failed')) run.lost++;
      else if (t.state === 'completed' && sha(await readFile(t.localPath)) !== sha(objects.get(keyOf(t))!)) run.corrupt++;
    }
  }
  const keyOf = (t: TransferSnapshot) => t.remotePath.slice(bucket.length + 2);

  beforeAll(async () => {
    s3 = testS3Client(env);
    relay = await startCountingS3Relay(env.s3.endpoint);
    work = await makeTempDir('faults-dl');
    await createBucketWith(s3, bucket, {});
    core = await coreOn(join(work.path, 'data'), work.path);
    call = coreClient(core);
    id = await connectS3(core, env, relay.endpoint);
  });
  afterAll(async () => {
    await core?.shutdown();
    await relay?.close();
    await removeBucket(s3, bucket).catch(() => undefined);
    await work?.remove();
  });

  it('keys that clean up to one local name land in distinct files, each byte-identical; `p/.` and `p/..` land inside their folder', async () => {
    await faultCase('S3 download: keys that share a local name', async (run) => {
      await put('t/a//b', Buffer.from('nineteen bytes here'));
      await put('t/a/./b', Buffer.from('twenty bytes, not 19'));
      await put('t/p/.', Buffer.from('a dot'));
      await put('t/p/..', Buffer.from('two dots'));
      const into = await folder('colliding');
      const jobs = await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/t/`], localFolder: into });
      expect(new Set(jobs.map((j) => j.localPath)).size).toBe(jobs.length);
      await judge(run, jobs, keyOf);
      const done = await Promise.all(jobs.map(settle));
      expect(done.map((t) => t.state)).toEqual(jobs.map(() => 'completed'));
      expect((await readdir(join(into, 't', 'a'))).sort()).toEqual(['b', 'b (1)']);
      expect(detailText(done.find((t) => t.localPath.endsWith('b (1)'))!)).toMatch(/same local name, so this one is saved as b \(1\)/);
      expect((await readdir(join(into, 't', 'p'))).sort()).toEqual(['\uff0e', '\uff0e\uff0e']);
      expect((await readdir(join(into, 't'))).sort()).toEqual(['a', 'p']); // nothing beside the folder
    });
  });

  it('two downloads queued into one folder never share a .part', async () => {
    await faultCase('S3 download: two queued downloads of one name', async (run) => {
      await put('q1/same.bin', randomBytes(3 * MiB));
      await put('q2/same.bin', randomBytes(3 * MiB + 1));
      const into = await folder('queued');
      const first = await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/q1/same.bin`], localFolder: into });
      const second = await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/q2/same.bin`], localFolder: into });
      expect(second[0]!.localPath).toBe(join(into, 'same (1).bin'));
      await judge(run, [...first, ...second], keyOf);
      expect((await readdir(into)).sort()).toEqual(['same (1).bin', 'same.bin']);
    });
  });

  it('a multipart object whose .part changed while paused: the part is named, fetched again alone, and the file comes out right', async () => {
    await faultCase('S3 download: multipart .part corrupted while paused', async (run) => {
      await put('mp/64.bin', randomBytes(64 * MiB), 8 * MiB);
      const into = await folder('mp-corrupt');
      await call('transfers:setSettings', { changes: { downloadLimit: 24 * MiB, partsInFlight: 1 } });
      const [job] = await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/mp/64.bin`], localFolder: into });
      await waitFor(core, job!.id, (x) => x.bytesDone >= 17 * MiB);
      await call('transfers:pause', { ids: [job!.id] });
      await call('transfers:setSettings', { changes: { downloadLimit: 0, partsInFlight: 6 } });
      // 16 bytes flipped inside part 2, a range the checkpoint marks done.
      const part = await open(join(into, '64.bin.part'), 'r+');
      const flipped = Buffer.alloc(16);
      await part.read(flipped, 0, 16, 9 * MiB);
      await part.write(flipped.map((b) => b ^ 0xff), 0, 16, 9 * MiB);
      await part.close();
      const details: string[] = [];
      core.events.subscribe((channel, payload) => {
        const p = payload as TransferSnapshot;
        if (channel === 'transfers:changed' && p.id === job!.id && p.detail) details.push(detailText(p));
      });
      const before = relay.requests.length;
      await call('transfers:resume', { ids: [job!.id] });
      await judge(run, [job!], keyOf);
      expect((await settle(job!)).state).toBe('completed');
      expect(details.join('\n')).toMatch(/Part 2 \(bytes 8388608-16777215\) of mp\/64.bin changed on disk after it was downloaded, so it is fetched again/);
      // Fetched after the resume: what was missing (64 - 16 MiB at most) plus part 2 again, not the whole object.
      const fetched = relay.requests.slice(before).filter((r) => r.method === 'GET').reduce((n, r) => n + r.responseBytes, 0);
      expect(fetched).toBeLessThanOrEqual(64 * MiB - 17 * MiB + 8 * MiB + 8 * MiB);
      expect(await readdir(into)).toEqual(['64.bin']);
    });
  });

  it('bytes that changed in a piece no hash covers are caught by the ETag: failed, never completed; a retry starts over and delivers the right file', async () => {
    await faultCase('S3 download: single-part .part corrupted mid-piece', async (run) => {
      await put('sp/24.bin', randomBytes(24 * MiB));
      const into = await folder('sp-corrupt');
      await call('transfers:setSettings', { changes: { downloadLimit: 8 * MiB, partsInFlight: 1 } });
      const [job] = await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/sp/24.bin`], localFolder: into });
      await waitFor(core, job!.id, (x) => x.bytesDone >= 11 * MiB);
      await call('transfers:pause', { ids: [job!.id] });
      await call('transfers:setSettings', { changes: { downloadLimit: 0, partsInFlight: 6 } });
      const part = await open(join(into, '24.bin.part'), 'r+');
      await part.write(Buffer.from('garbage'), 0, 7, 9 * MiB); // inside the second 8 MiB piece, written but not whole
      await part.close();
      await call('transfers:resume', { ids: [job!.id] });
      const failed = await settle(job!);
      expect(failed.state).toBe('failed');
      expect(failed.error?.message).toMatch(/failed its integrity check/);
      await call('transfers:retry', { ids: [job!.id] });
      await judge(run, [job!], keyOf);
      expect((await settle(job!)).state).toBe('completed');
    });
  });

  it('names of 251 to 255 bytes download, and a longer one is saved shortened with a sentence', async () => {
    await faultCase('S3 download: names at the length limit', async (run) => {
      const keys = [251, 252, 253, 254, 255].map((n) => `long/${'n'.repeat(n - 4)}.txt`);
      const tooLong = `long/${'é'.repeat(140)}.txt`;
      for (const key of [...keys, tooLong]) await put(key, randomBytes(1000));
      const into = await folder('long');
      const jobs = await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/long/`], localFolder: into });
      await judge(run, jobs, keyOf);
      const done = await Promise.all(jobs.map(settle));
      expect(done.map((t) => t.state)).toEqual(jobs.map(() => 'completed'));
      const cut = done.find((t) => t.remotePath.endsWith(tooLong))!;
      expect(Buffer.byteLength(cut.name)).toBeLessThanOrEqual(255);
      expect(detailText(cut)).toMatch(/too long for a local file \(at most 255 bytes\), so it is saved as é+\.txt/);
    });
  });

  it('a folder object with content downloads under a visible name, and an empty folder says there is nothing to download', async () => {
    await faultCase('S3 download: folder object with content', async (run) => {
      await put('f/dirobj/', Buffer.from('x'.repeat(44)));
      await put('f/dirobj/child.txt', Buffer.from('child'));
      await put('f/empty/', Buffer.alloc(0));
      const into = await folder('folder-object');
      const jobs = await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/f/`], localFolder: into });
      await judge(run, jobs, keyOf);
      expect((await readdir(join(into, 'f'))).sort()).toEqual(['dirobj', 'dirobj (folder object)']);
      expect(await readFile(join(into, 'f', 'dirobj (folder object)'), 'utf8')).toBe('x'.repeat(44));
      const marker = (await Promise.all(jobs.map(settle))).find((t) => t.name === 'dirobj (folder object)')!;
      expect(detailText(marker)).toMatch(/key ends in a slash.*holds 44 bytes/);
      const empty = await failureOf(call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/f/empty/`], localFolder: into }));
      expect(empty.message).toBe('There is nothing to download: the chosen folders hold no files.');
    });
  });

  it('a multipart object whose part layout cannot be found is delivered and says it was not verified', async () => {
    await faultCase('S3 download: multipart object of uneven part size', async (run) => {
      await put('odd/odd.bin', randomBytes(11 * MiB), 5 * MiB + 12_345);
      const into = await folder('odd');
      const [job] = await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/odd/odd.bin`], localFolder: into });
      await judge(run, [job!], keyOf);
      const done = await settle(job!);
      expect(done.state).toBe('completed');
      expect(detailText(done)).toMatch(/not verified/);
    });
  });
});

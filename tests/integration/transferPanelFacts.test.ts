/**
 * What the transfer panel is built from, against the real RGW: progress that moves with the
 * bytes under a bandwidth limit (not a part at a time), and folder transfers whose files
 * carry one shared folder (with its full destination) so the panel shows them as one row.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/createCore.js';
import type { TransferProgress, TransferSnapshot } from '../../shared/transfers.js';
import { coreClient } from '../support/coreClient.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectS3, coreOn, MiB, waitFor } from './transferSupport.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
const done = (x: { state: string }) => x.state === 'completed' || x.state === 'failed';

describe('transfer panel facts from the queue', () => {
  const bucket = uniqueBucketName('xfer-panel');
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let call: ReturnType<typeof coreClient>;
  let id = '';
  let dataDir = '';

  beforeAll(async () => {
    work = await makeTempDir('xfer-panel');
    dataDir = join(work.path, 'data');
    await createBucketWith(s3, bucket, { 'remote/a.txt': 'alpha', 'remote/deep/b.txt': 'beta' });
    core = await coreOn(dataDir, work.path);
    call = coreClient(core);
    id = await connectS3(core, env);
    await call('transfers:setSettings', { changes: { conflictPolicy: 'overwrite' } });
  });
  afterAll(async () => {
    await core.shutdown();
    await removeBucket(s3, bucket);
    await work.remove();
  });

  it('under a bandwidth limit, reports progress as the body streams, and parts complete one after another', async () => {
    const file = join(work.path, 'limited.bin');
    await writeFile(file, randomBytes(24 * MiB));
    const seen: number[] = [];
    const unsubscribe = core.events.subscribe((channel, payload) => {
      if (channel === 'transfers:progress') for (const p of payload as TransferProgress[]) seen.push(p.bytesDone);
    });
    await call('transfers:setSettings', { changes: { uploadLimit: 6 * MiB, partSize: 8 * MiB, multipartThreshold: 16 * MiB } });
    try {
      const [t] = await call('transfers:upload', { connectionId: id, localPaths: [file], remoteFolder: `/${bucket}/` });
      // Parts take turns under the limit: the first one lands (and is saved) while the upload
      // has streamed well under two parts' worth, not at the very end of the file.
      const savedParts = async () => {
        const text = await readFile(join(dataDir, 'transfers.json'), 'utf8').catch(() => '{"jobs":[]}');
        const saved = JSON.parse(text) as { jobs: { snapshot: { id: string }; checkpoint?: { doneParts?: number[] } }[] };
        return saved.jobs.find((j) => j.snapshot.id === t!.id)?.checkpoint?.doneParts ?? [];
      };
      const landed = Date.now() + 20_000;
      while ((await savedParts()).length === 0 && Date.now() < landed) await new Promise((r) => setTimeout(r, 20));
      expect(await savedParts()).toHaveLength(1);
      expect(core.transfers.get(t!.id).bytesDone).toBeLessThan(16 * MiB);
      // Within the first part (8 MiB at 6 MiB/s), progress already moved several times.
      const firstPart = seen.filter((b) => b > 0 && b < 8 * MiB);
      expect(new Set(firstPart).size).toBeGreaterThanOrEqual(4);
      await call('transfers:setSettings', { changes: { uploadLimit: 0 } });
      expect((await waitFor(core, t!.id, done)).state).toBe('completed');
      // Never ahead of the file, and ends at its size.
      expect(Math.max(...seen)).toBeLessThanOrEqual(24 * MiB);
    } finally {
      unsubscribe();
      await call('transfers:setSettings', { changes: { uploadLimit: 0, partSize: 0 } });
    }
  });

  it('gives every file of an uploaded folder the same folder, with its full remote destination; a lone file gets none', async () => {
    const folder = join(work.path, 'album');
    await mkdir(join(folder, '2026'), { recursive: true });
    await writeFile(join(folder, 'one.jpg'), randomBytes(1000));
    await writeFile(join(folder, '2026', 'two.jpg'), randomBytes(2000));
    const lone = join(work.path, 'lone.txt');
    await writeFile(lone, 'alone');
    const started = await call('transfers:upload', { connectionId: id, localPaths: [folder, lone], remoteFolder: `/${bucket}/in/` });
    expect(started).toHaveLength(3);
    const inFolder = started.filter((t) => t.folder);
    expect(inFolder).toHaveLength(2);
    expect(new Set(inFolder.map((t) => t.folder!.id)).size).toBe(1);
    expect(inFolder[0]!.folder).toMatchObject({ name: 'album', localPath: folder, remotePath: `/${bucket}/in/album/` });
    expect(started.find((t) => t.name === 'lone.txt')!.folder).toBeUndefined();
    for (const t of started) expect((await waitFor(core, t.id, done)).state).toBe('completed');
    // Kept in the saved queue, so a restart still shows one row.
    const listed = await call('transfers:list', {});
    expect(listed.filter((t) => t.folder?.id === inFolder[0]!.folder!.id)).toHaveLength(2);
  });

  it('gives every file of a downloaded folder the same folder, with its full local destination', async () => {
    const into = join(work.path, 'downloads');
    await mkdir(into);
    const started = await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/remote/`], localFolder: into });
    expect(started).toHaveLength(2);
    expect(new Set(started.map((t) => t.folder?.id)).size).toBe(1);
    expect(started[0]!.folder).toMatchObject({ name: 'remote', localPath: join(into, 'remote'), remotePath: `/${bucket}/remote/` });
    for (const t of started) expect((await waitFor(core, t.id, done)).state).toBe('completed');
  });

  it('retries a failed transfer and, when asked by id, a cancelled one', async () => {
    const file = join(work.path, 'again.bin');
    await writeFile(file, randomBytes(20 * MiB));
    await call('transfers:setSettings', { changes: { uploadLimit: 4 * MiB } });
    try {
      const [t] = await call('transfers:upload', { connectionId: id, localPaths: [file], remoteFolder: `/${bucket}/again/` });
      await waitFor(core, t!.id, (x) => x.bytesDone > 0);
      const changes: TransferSnapshot[] = [];
      const unsubscribe = core.events.subscribe((channel, payload) => {
        if (channel === 'transfers:changed' && (payload as TransferSnapshot).id === t!.id) changes.push(payload as TransferSnapshot);
      });
      await call('transfers:cancel', { ids: [t!.id] });
      unsubscribe();
      expect((await call('transfers:list', {})).find((x) => x.id === t!.id)!.state).toBe('cancelled');
      // Windows hear that nothing of it is left once its partial upload is gone.
      expect(changes.at(-1)).toMatchObject({ state: 'cancelled', bytesDone: 0 });
      await call('transfers:setSettings', { changes: { uploadLimit: 0 } });
      await call('transfers:retry', { ids: [t!.id] });
      expect((await waitFor(core, t!.id, done)).state).toBe('completed');
    } finally {
      await call('transfers:setSettings', { changes: { uploadLimit: 0 } });
    }
  });
});

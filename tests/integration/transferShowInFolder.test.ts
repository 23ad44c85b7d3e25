import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/createCore.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectS3, coreOn, MiB, waitFor } from './transferSupport.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);

describe('show a transfer in its folder, against the real RGW', () => {
  const bucket = uniqueBucketName('xfer-show');
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let call: ReturnType<typeof coreClient>;
  let id = '';
  const shown: string[] = [];

  beforeAll(async () => {
    work = await makeTempDir('xfer-show');
    await createBucketWith(s3, bucket, { 'report.txt': 'quarterly' });
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'big.bin', Body: randomBytes(24 * MiB) }));
    // The host records what it was asked to show, as main would pass it to shell.showItemInFolder.
    core = await coreOn(join(work.path, 'data'), work.path, { showInFolder: async (path) => void shown.push(path) });
    call = coreClient(core);
    id = await connectS3(core, env);
  });
  afterAll(async () => {
    await core.shutdown();
    await removeBucket(s3, bucket);
    await work.remove();
  });

  it('shows a downloaded file, then its folder once the file is gone, then says neither is there', async () => {
    const into = join(work.path, 'downloads');
    await mkdir(into);
    const [t] = await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/report.txt`], localFolder: into });
    await waitFor(core, t!.id, (x) => x.state === 'completed');
    await call('transfers:showInFolder', { id: t!.id });
    expect(shown.at(-1)).toBe(join(into, 'report.txt'));
    await rm(join(into, 'report.txt'));
    await call('transfers:showInFolder', { id: t!.id });
    expect(shown.at(-1)).toBe(into);
    await rm(into, { recursive: true });
    const failure = await failureOf(call('transfers:showInFolder', { id: t!.id }));
    expect(failure).toMatchObject({ kind: 'notFound', message: `${join(into, 'report.txt')} is no longer there, nor its folder.` });
  });

  it('shows the .part of a download that is not finished', async () => {
    const into = join(work.path, 'partial');
    await mkdir(into);
    await call('transfers:setSettings', { changes: { downloadLimit: 4 * MiB } });
    try {
      const [t] = await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/big.bin`], localFolder: into });
      await waitFor(core, t!.id, (x) => x.bytesDone > 0);
      await call('transfers:pause', { ids: [t!.id] });
      await call('transfers:showInFolder', { id: t!.id });
      expect(shown.at(-1)).toBe(join(into, 'big.bin.part'));
      await call('transfers:cancel', { ids: [t!.id] });
    } finally {
      await call('transfers:setSettings', { changes: { downloadLimit: 0 } });
    }
  });

  it('shows the local file an upload came from', async () => {
    const file = join(work.path, 'notes.txt');
    await writeFile(file, 'notes');
    const [t] = await call('transfers:upload', { connectionId: id, localPaths: [file], remoteFolder: `/${bucket}/up/` });
    await waitFor(core, t!.id, (x) => x.state === 'completed');
    await call('transfers:showInFolder', { id: t!.id });
    expect(shown.at(-1)).toBe(file);
    expect(dirname(shown.at(-1)!)).toBe(work.path);
  });

  it('answers a transfer that is gone, and a host without a file manager, in words', async () => {
    expect(await failureOf(call('transfers:showInFolder', { id: 'no-such-transfer' }))).toMatchObject({ kind: 'notFound', message: 'That transfer is gone.' });
    const headless = await coreOn(join(work.path, 'headless'), work.path);
    try {
      const other = coreClient(headless);
      const otherId = await connectS3(headless, env);
      const file = join(work.path, 'notes.txt');
      const [t] = await other('transfers:upload', { connectionId: otherId, localPaths: [file], remoteFolder: `/${bucket}/up2/` });
      await waitFor(headless, t!.id, (x) => x.state === 'completed');
      expect(await failureOf(other('transfers:showInFolder', { id: t!.id }))).toMatchObject({
        kind: 'unsupported',
        message: 'Showing files in their folder needs the desktop app.',
      });
    } finally {
      await headless.shutdown();
    }
  });
});

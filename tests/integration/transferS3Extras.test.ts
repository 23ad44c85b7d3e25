import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateMultipartUploadCommand, HeadObjectCommand, ListMultipartUploadsCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/createCore.js';
import { prepareDragOut } from '../../electron/core/transfers/dragOut.js';
import { coreClient } from '../support/coreClient.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectS3, coreOn, MiB, sha256File, waitFor } from './transferSupport.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
const done = (x: { state: string }) => x.state === 'completed' || x.state === 'failed';

describe('S3 transfer settings, drag-out and incomplete uploads, against the real RGW', () => {
  const bucket = uniqueBucketName('xfer-extra');
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let call: ReturnType<typeof coreClient>;
  let id = '';
  let dataDir = '';

  beforeAll(async () => {
    work = await makeTempDir('xfer-s3-extras');
    dataDir = join(work.path, 'data');
    await createBucketWith(s3, bucket, { 'docs/readme.txt': 'read me', 'docs/deep/notes.md': '# notes', 'photo.jpg': randomBytes(3000) });
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

  it('uploads with the chosen multipart threshold and part size', async () => {
    const file = join(work.path, 'twelve.bin');
    await writeFile(file, randomBytes(12 * MiB));
    await call('transfers:setSettings', { changes: { multipartThreshold: 5 * MiB, partSize: 5 * MiB } });
    try {
      const [t] = await call('transfers:upload', { connectionId: id, localPaths: [file], remoteFolder: `/${bucket}/` });
      expect((await waitFor(core, t!.id, done)).state).toBe('completed');
      const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'twelve.bin' }));
      // 12 MiB in 5 MiB parts: a three-part multipart ETag.
      expect(head.ETag).toMatch(/-3"$/);
    } finally {
      await call('transfers:setSettings', { changes: { multipartThreshold: 16 * MiB, partSize: 0 } });
    }
  });

  it('drag-out downloads the dragged file and folder through the queue into a fresh temp folder', async () => {
    const root = join(work.path, 'drag');
    const paths = await prepareDragOut(core.transfers, { connectionId: id, remotePaths: [`/${bucket}/photo.jpg`, `/${bucket}/docs/`] }, root);
    expect(paths).toHaveLength(2);
    const [photo, docs] = paths as [string, string];
    expect(photo.startsWith(root)).toBe(true);
    expect(photo.endsWith('photo.jpg')).toBe(true);
    expect(await readFile(join(docs, 'readme.txt'), 'utf8')).toBe('read me');
    expect(await readFile(join(docs, 'deep', 'notes.md'), 'utf8')).toBe('# notes');
    expect((await readFile(photo)).length).toBe(3000);
    // Nothing half-done is handed to the OS.
    expect((await readdir(join(docs, 'deep'))).filter((n) => n.endsWith('.part'))).toEqual([]);
    const mine = core.transfers.list().filter((t) => t.localPath.startsWith(root));
    expect(mine.map((t) => t.state)).toEqual(['completed', 'completed', 'completed']);
    // A second drag of the same item gets a folder of its own: no conflict question.
    const again = await prepareDragOut(core.transfers, { connectionId: id, remotePaths: [`/${bucket}/photo.jpg`] }, root);
    expect(again[0]).not.toBe(photo);
    expect(await sha256File(again[0]!)).toBe(await sha256File(photo));
  });

  it('a drag-out of a missing object fails with words, and hands nothing to the OS', async () => {
    await expect(prepareDragOut(core.transfers, { connectionId: id, remotePaths: [`/${bucket}/nope.bin`] }, join(work.path, 'drag2'))).rejects.toThrow(/nope\.bin/);
  });

  it('lists incomplete uploads with their parts and size, and aborts them', async () => {
    const created = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'left/behind.bin' }));
    await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'left/behind.bin', UploadId: created.UploadId, PartNumber: 1, Body: randomBytes(5 * MiB) }));
    await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'left/behind.bin', UploadId: created.UploadId, PartNumber: 2, Body: randomBytes(1000) }));
    const listed = await call('transfers:listIncompleteUploads', { connectionId: id, bucket });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ key: 'left/behind.bin', uploadId: created.UploadId, parts: 2, bytes: 5 * MiB + 1000 });
    expect(listed[0]!.initiated).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect(await call('transfers:abortIncompleteUploads', { connectionId: id, bucket, uploads: [{ key: 'left/behind.bin', uploadId: created.UploadId! }] })).toBe(1);
    expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([]);
  });

  it('keeps the new settings across a restart', async () => {
    const changes = { multipartThreshold: 8 * MiB, partSize: 16 * MiB, preservePermissions: true, uploadLimit: 2_500_000 };
    await call('transfers:setSettings', { changes });
    await core.shutdown();
    core = await coreOn(dataDir, work.path);
    call = coreClient(core);
    expect(await call('transfers:getSettings', {})).toMatchObject(changes);
  });
});

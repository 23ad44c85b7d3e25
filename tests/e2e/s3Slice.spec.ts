import { randomBytes } from 'node:crypto';
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { connectLocalS3, connectS3, dropFiles, files, row, sha256, waitForTransfer } from './actions.js';
import { expect, test } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

test('S3: connect, browse into a folder, upload by drop, download to a chosen folder, bytes intact', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-slice');
  await createBucketWith(s3, bucket, {
    'reports/2026/summary.txt': 'quarterly numbers',
    'reports/readme.md': '# reports',
    'top-level.txt': 'hello',
  });
  try {
    await connectLocalS3(app);
    await row(page, `/${bucket}/`).dblclick();
    await expect(row(page, `/${bucket}/reports/`)).toBeVisible();
    await expect(row(page, `/${bucket}/top-level.txt`)).toBeVisible();
    await row(page, `/${bucket}/reports/`).dblclick();
    await expect(row(page, `/${bucket}/reports/readme.md`)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Path' })).toContainText('reports');

    const local = join(app.workDir, 'upload-me.bin');
    await writeFile(local, randomBytes(3 * 1024 * 1024 + 17));
    await dropFiles(app, [local]);
    await waitForTransfer(page, 'upload-me.bin');
    await expect(row(page, `/${bucket}/reports/upload-me.bin`)).toBeVisible();
    await app.screenshot('s3-browser');

    const downloads = join(app.workDir, 'downloads');
    await mkdir(downloads);
    app.headless.folderAnswers.push(downloads);
    await row(page, `/${bucket}/reports/upload-me.bin`).click();
    await page.getByRole('button', { name: 'Download' }).click();
    await waitForTransfer(page, 'upload-me.bin', 'completed');
    await expect
      .poll(async () => sha256(join(downloads, 'upload-me.bin')).catch(() => 'missing'), { timeout: 30_000 })
      .toBe(await sha256(local));
    await app.screenshot('s3-transfers');

    // The secret typed into the form never came back to the page, in any answer or event.
    const everythingSent = app.bridge.sentFrames.join('\n');
    expect(everythingSent.length).toBeGreaterThan(0);
    expect(everythingSent).toContain(servers.s3.accessKeyId);
    expect(everythingSent).not.toContain(servers.s3.secretAccessKey);
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('S3: a wrong secret key says so in words', async ({ app }) => {
  const { page, servers } = app;
  await connectS3(page, {
    name: 'Wrong key',
    endpoint: servers.s3.endpoint,
    accessKeyId: servers.s3.accessKeyId,
    secretAccessKey: 'not-the-secret',
  });
  await expect(page.getByRole('alert')).toContainText('The access key or secret key is wrong');
  await expect(files(page)).toHaveCount(0);
  await app.screenshot('s3-wrong-key');
});

test('S3: an unreachable endpoint fails quickly with a clear message', async ({ app }) => {
  const { page, servers } = app;
  const started = Date.now();
  await connectS3(page, {
    name: 'Nobody home',
    endpoint: 'http://127.0.0.1:9', // discard port: nothing listens there
    accessKeyId: servers.s3.accessKeyId,
    secretAccessKey: servers.s3.secretAccessKey,
  });
  await expect(page.getByRole('alert')).toContainText('Cannot reach the server', { timeout: 20_000 });
  expect(Date.now() - started).toBeLessThan(20_000);
});

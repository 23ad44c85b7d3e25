import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DeleteBucketCommand, CreateBucketCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { connectLocalS3, dropFiles, files, row, sha256 } from './actions.js';
import { expect, test, type StowageApp } from './fixtures.js';
import { coreClient } from '../support/coreClient.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

const MiB = 1024 * 1024;

const panel = (app: StowageApp) => app.page.getByRole('region', { name: 'Transfers' });
const toolbar = (app: StowageApp) => panel(app).getByRole('toolbar', { name: 'Transfer controls' });
const item = (app: StowageApp, name: string) => panel(app).getByTestId('transfer').filter({ hasText: name }).first();
const folderRow = (app: StowageApp, name: string) => panel(app).locator(`[data-testid="transfer"][data-folder="${name}"]`);

async function openBucket(app: StowageApp, bucket: string) {
  await connectLocalS3(app);
  await row(app.page, `/${bucket}/`).dblclick();
  await expect(app.page.getByRole('navigation', { name: 'Path' })).toContainText(bucket);
}

async function keysOf(s3: ReturnType<typeof testS3Client>, bucket: string): Promise<string[]> {
  return ((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((c) => c.Key!).sort();
}

async function objectText(s3: ReturnType<typeof testS3Client>, bucket: string, key: string): Promise<string> {
  return (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();
}

test('transfers: "Retry all" retries the failed uploads and leaves the one the user cancelled alone', async ({ app }) => {
  const s3 = testS3Client(app.servers);
  const live = uniqueBucketName('e2e-retry-live');
  const gone = uniqueBucketName('e2e-retry-gone');
  await createBucketWith(s3, live, {});
  await createBucketWith(s3, gone, {});
  const call = coreClient(app.headless.core);
  try {
    // A 60 MB upload, cancelled at a third.
    await openBucket(app, live);
    await call('transfers:setSettings', { changes: { uploadLimit: 12 * MiB, conflictPolicy: 'overwrite' } });
    const big = join(app.workDir, 'sixty.bin');
    await writeFile(big, randomBytes(60 * 1000 * 1000));
    await dropFiles(app, [big]);
    const sixty = item(app, 'sixty.bin');
    const bar = sixty.getByRole('progressbar');
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000, intervals: [50] }).toBeGreaterThanOrEqual(33);
    await sixty.getByRole('button', { name: 'Cancel' }).click();
    await expect(sixty).toHaveAttribute('data-state', 'cancelled');
    await call('transfers:setSettings', { changes: { uploadLimit: 0 } });

    // Two uploads that fail: their bucket is gone by the time they start.
    await app.page.getByRole('button', { name: 'Up', exact: true }).click();
    await row(app.page, `/${gone}/`).dblclick();
    await expect(app.page.getByRole('navigation', { name: 'Path' })).toContainText(gone);
    await s3.send(new DeleteBucketCommand({ Bucket: gone }));
    const one = join(app.workDir, 'one.txt');
    const two = join(app.workDir, 'two.txt');
    await writeFile(one, 'first');
    await writeFile(two, 'second');
    await dropFiles(app, [one, two]);
    await expect(item(app, 'one.txt')).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
    await expect(item(app, 'two.txt')).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
    await expect(panel(app).locator('.transfers-summary')).toHaveText('2 failed, 1 cancelled');

    // The bucket is back; "Retry all" restarts the failed two, not the cancelled one.
    await s3.send(new CreateBucketCommand({ Bucket: gone }));
    await toolbar(app).getByRole('button', { name: 'Retry all' }).click();
    await expect(item(app, 'one.txt')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
    await expect(item(app, 'two.txt')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
    await expect(sixty).toHaveAttribute('data-state', 'cancelled');
    await expect(panel(app).locator('.transfers-summary')).toHaveText('2 done, 1 cancelled');
    expect(await keysOf(s3, live)).toEqual([]);
    expect(await keysOf(s3, gone)).toEqual(['one.txt', 'two.txt']);
    await app.screenshot('transfers-retry-all-leaves-cancelled');

    // The user picks the cancelled one: its own Retry starts it again.
    await sixty.getByRole('button', { name: 'Retry' }).click();
    await expect(sixty).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });
    expect(await keysOf(s3, live)).toEqual(['sixty.bin']);
    await expect(panel(app).locator('.transfers-summary')).toHaveText('All done');
  } finally {
    await removeBucket(s3, live);
    await removeBucket(s3, gone).catch(() => undefined);
  }
});

test('transfers: the browser preview uploads picked files, a picked folder and dropped files from their bytes', async ({ app }) => {
  const s3 = testS3Client(app.servers);
  const bucket = uniqueBucketName('e2e-preview-up');
  await createBucketWith(s3, bucket, {});
  try {
    await openBucket(app, bucket);
    const page = app.page;
    const alpha = join(app.workDir, 'alpha.txt');
    await writeFile(alpha, 'alpha bytes');
    const photos = join(app.workDir, 'photos');
    await mkdir(join(photos, '2026'), { recursive: true });
    await writeFile(join(photos, 'a.jpg'), randomBytes(2000));
    await writeFile(join(photos, '2026', 'b.jpg'), randomBytes(3000));

    // Upload… → Upload files…: nothing registered with the bridge, so the page sends the bytes.
    await page.getByRole('button', { name: 'Upload…' }).click();
    const menu = page.getByRole('menu', { name: 'Upload' });
    await expect(menu.getByRole('menuitem', { name: 'Upload folder…' })).toBeVisible();
    await app.screenshot('transfers-upload-menu');
    const filesChooser = page.waitForEvent('filechooser');
    await menu.getByRole('menuitem', { name: 'Upload files…' }).click();
    await (await filesChooser).setFiles([alpha]);
    await expect(item(app, 'alpha.txt')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
    expect(await objectText(s3, bucket, 'alpha.txt')).toBe('alpha bytes');

    // Upload… → Upload folder…: the folder lands as one tree and shows as one row.
    await page.getByRole('button', { name: 'Upload…' }).click();
    const folderChooser = page.waitForEvent('filechooser');
    await menu.getByRole('menuitem', { name: 'Upload folder…' }).click();
    await (await folderChooser).setFiles(photos);
    const photosRow = folderRow(app, 'photos');
    await expect(photosRow).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
    await expect(photosRow).toContainText(`→ /${bucket}/photos/`);
    await expect(photosRow).toContainText('2 files');
    expect(await keysOf(s3, bucket)).toEqual(['alpha.txt', 'photos/2026/b.jpg', 'photos/a.jpg']);
    expect(Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'photos/2026/b.jpg' }))).Body!.transformToByteArray())).toEqual(
      await readFile(join(photos, '2026', 'b.jpg')),
    );

    // A drop of a file the bridge does not know: its bytes are staged too.
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['dropped bytes'], 'dropped.txt'));
      return dt;
    });
    for (const type of ['dragenter', 'dragover', 'drop']) await files(page).dispatchEvent(type, { dataTransfer });
    await expect(item(app, 'dropped.txt')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
    expect(await objectText(s3, bucket, 'dropped.txt')).toBe('dropped bytes');
    await expect(page.getByRole('alert')).toHaveCount(0);

    // The file list's menu offers uploads and downloads too.
    await row(page, `/${bucket}/photos/`).click({ button: 'right' });
    const fileMenu = page.getByRole('menu', { name: 'File actions' });
    await expect(fileMenu.getByRole('menuitem', { name: 'Upload files…' })).toBeVisible();
    await expect(fileMenu.getByRole('menuitem', { name: 'Upload folder…' })).toBeVisible();
    await expect(fileMenu.getByRole('menuitem', { name: 'Download…' })).toBeVisible();
    await page.keyboard.press('Escape');
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('transfers: a folder is one row (files, bytes, full destination) that opens to its files; its buttons act on them all', async ({ app }) => {
  const s3 = testS3Client(app.servers);
  const bucket = uniqueBucketName('e2e-folder-row');
  await createBucketWith(s3, bucket, {});
  const call = coreClient(app.headless.core);
  try {
    await openBucket(app, bucket);
    const page = app.page;
    const folder = join(app.workDir, 'footage');
    await mkdir(join(folder, 'day1'), { recursive: true });
    for (const name of ['clip1.bin', 'day1/clip2.bin', 'day1/clip3.bin']) await writeFile(join(folder, name), randomBytes(20 * MiB));
    await call('transfers:setSettings', { changes: { uploadLimit: 2 * MiB, filesInParallel: 1 } });
    await dropFiles(app, [folder]);

    const footage = folderRow(app, 'footage');
    await expect(footage).toHaveAttribute('data-state', 'running');
    await expect(footage).toContainText(`→ /${bucket}/footage/`);
    await expect(footage).toContainText(/0 of 3 files · [\d.]+ (B|KB|MB) of 62\.9 MB · [\d.]+ [KM]B\/s/);
    await expect(panel(app).getByTestId('transfer')).toHaveCount(1);

    // Opened, it lists its files under it.
    await footage.getByRole('button', { name: 'Show files' }).click();
    await expect(panel(app).getByTestId('transfer')).toHaveCount(4);
    await expect(item(app, 'clip2.bin')).toBeVisible();
    await panel(app).getByRole('listbox').evaluate((el) => el.scrollTo(0, 0));
    await app.screenshot('transfers-folder-row-expanded-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(250); // the buttons' background transition
    await app.screenshot('transfers-folder-row-expanded-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // The keyboard: Left closes the folder row, Right opens it again.
    await footage.click();
    await expect(footage).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(panel(app).getByTestId('transfer')).toHaveCount(1);
    await page.keyboard.press('ArrowRight');
    await expect(panel(app).getByTestId('transfer')).toHaveCount(4);

    // Pause on the folder row pauses its files; the header says paused, not waiting.
    await footage.getByRole('button', { name: 'Pause' }).click();
    await expect(footage).toHaveAttribute('data-state', 'paused');
    for (const name of ['clip1.bin', 'clip2.bin', 'clip3.bin']) await expect(item(app, name)).toHaveAttribute('data-state', 'paused');
    await expect(panel(app).locator('.transfers-summary-text')).toContainText('0 running, 3 paused');
    await footage.getByRole('button', { name: 'Resume' }).click();
    await expect(footage).toHaveAttribute('data-state', 'running');

    // Cancel from the row's menu, then its own Retry restarts all three.
    await footage.click({ button: 'right' });
    await page.getByRole('menu', { name: 'Transfer actions' }).getByRole('menuitem', { name: 'Cancel' }).click();
    await expect(footage).toHaveAttribute('data-state', 'cancelled');
    for (const name of ['clip1.bin', 'clip2.bin', 'clip3.bin']) await expect(item(app, name)).toHaveAttribute('data-state', 'cancelled');
    await call('transfers:setSettings', { changes: { uploadLimit: 0, filesInParallel: 4 } });
    await footage.getByRole('button', { name: 'Retry' }).click();
    await expect(footage).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });
    await expect(footage).toContainText('3 files · 62.9 MB');
    expect(await keysOf(s3, bucket)).toEqual(['footage/clip1.bin', 'footage/day1/clip2.bin', 'footage/day1/clip3.bin']);

    // A folder download is one row too, with its full local destination.
    const downloads = join(app.workDir, 'downloads');
    await mkdir(downloads);
    app.headless.folderAnswers.push(downloads);
    await row(page, `/${bucket}/footage/`).click({ button: 'right' });
    await page.getByRole('menu', { name: 'File actions' }).getByRole('menuitem', { name: 'Download…' }).click();
    const down = panel(app).locator('[data-testid="transfer"][data-folder="footage"]').filter({ hasText: join(downloads, 'footage') });
    await expect(down).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });
    await expect(down).toContainText('3 files');
    expect(await sha256(join(downloads, 'footage', 'day1', 'clip3.bin'))).toBe(await sha256(join(folder, 'day1', 'clip3.bin')));
  } finally {
    await call('transfers:setSettings', { changes: { uploadLimit: 0, filesInParallel: 4 } }).catch(() => undefined);
    await removeBucket(s3, bucket);
  }
});

test('toasts: an error goes away by itself (not while hovered), has a close button, and never covers the transfer buttons', async ({ app }) => {
  const s3 = testS3Client(app.servers);
  const bucket = uniqueBucketName('e2e-toasts');
  await createBucketWith(s3, bucket, {});
  try {
    await openBucket(app, bucket);
    const page = app.page;
    const small = join(app.workDir, 'small.txt');
    await writeFile(small, 'small');
    await dropFiles(app, [small]);
    await expect(item(app, 'small.txt')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
    await page.clock.install();
    // A drop the preview cannot keep (a name that would leave its staging folder): an error toast.
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['x'], '..'));
      return dt;
    });
    for (const type of ['dragenter', 'dragover', 'drop']) await files(page).dispatchEvent(type, { dataTransfer });
    const toast = page.getByRole('alert');
    await expect(toast).toBeVisible();
    await expect(toast.getByRole('button', { name: 'Dismiss' })).toBeVisible();

    // Above the transfer strip: "Clear finished" stays clickable.
    const clear = panel(app).getByRole('button', { name: 'Clear finished' });
    const toastBox = (await toast.boundingBox())!;
    const stripBox = (await panel(app).boundingBox())!;
    expect(toastBox.y + toastBox.height).toBeLessThanOrEqual(stripBox.y);
    await app.screenshot('toast-above-transfers');

    // Hovered, it stays; once the pointer leaves, it goes.
    await toast.hover();
    await page.clock.runFor(30_000);
    await expect(toast).toBeVisible();
    await clear.hover();
    await page.clock.runFor(5_000);
    await expect(toast).toHaveCount(0);
    await clear.click();
    await expect(item(app, 'small.txt')).toHaveCount(0);
  } finally {
    await removeBucket(s3, bucket);
  }
});

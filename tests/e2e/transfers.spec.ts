import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { connectLocalS3, dropFiles, row, sha256, waitForTransfer } from './actions.js';
import { expect, test, type StowageApp } from './fixtures.js';
import { coreClient } from '../support/coreClient.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

const MiB = 1024 * 1024;

const panel = (app: StowageApp) => app.page.getByRole('region', { name: 'Transfers' });
const toolbar = (app: StowageApp) => panel(app).getByRole('toolbar', { name: 'Transfer controls' });
const item = (app: StowageApp, name: string) => panel(app).getByTestId('transfer').filter({ hasText: name }).first();

async function openBucket(app: StowageApp, bucket: string) {
  await connectLocalS3(app);
  await row(app.page, `/${bucket}/`).dblclick();
  await expect(app.page.getByRole('navigation', { name: 'Path' })).toContainText(bucket);
}

test('transfers: dropping files and a folder uploads the tree', async ({ app }) => {
  const s3 = testS3Client(app.servers);
  const bucket = uniqueBucketName('e2e-drop');
  await createBucketWith(s3, bucket, {});
  try {
    await openBucket(app, bucket);
    const single = join(app.workDir, 'single.txt');
    await writeFile(single, 'one file');
    const folder = join(app.workDir, 'photos');
    await mkdir(join(folder, '2026'), { recursive: true });
    await writeFile(join(folder, 'a.jpg'), randomBytes(2000));
    await writeFile(join(folder, '2026', 'b.jpg'), randomBytes(3000));
    await dropFiles(app, [single, folder]);
    await waitForTransfer(app.page, 'single.txt');
    // The folder is one row, whose files are listed when it is opened.
    const photos = panel(app).locator('[data-testid="transfer"][data-folder="photos"]');
    await expect(photos).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });
    await photos.getByRole('button', { name: 'Show files' }).click();
    await waitForTransfer(app.page, 'a.jpg');
    await waitForTransfer(app.page, 'b.jpg');
    await expect(row(app.page, `/${bucket}/photos/`)).toBeVisible();
    await expect(row(app.page, `/${bucket}/single.txt`)).toBeVisible();
    const keys = (await s3.send(new (await import('@aws-sdk/client-s3')).ListObjectsV2Command({ Bucket: bucket }))).Contents!.map((c) => c.Key).sort();
    expect(keys).toEqual(['photos/2026/b.jpg', 'photos/a.jpg', 'single.txt']);
    await expect(panel(app)).toContainText('All done');
    await app.screenshot('transfers-dropped');
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('transfers: pause, resume and cancel from the panel; cancel leaves no multipart upload', async ({ app }) => {
  const s3 = testS3Client(app.servers);
  const bucket = uniqueBucketName('e2e-ctl');
  await createBucketWith(s3, bucket, {});
  try {
    await openBucket(app, bucket);
    await coreClient(app.headless.core)('transfers:setSettings', { changes: { uploadLimit: 4 * MiB } });
    const big = join(app.workDir, 'big.bin');
    await writeFile(big, randomBytes(40 * MiB));
    await dropFiles(app, [big]);
    const t = item(app, 'big.bin');
    await expect(t).toHaveAttribute('data-state', 'running');
    await expect(t).toContainText(/MB\/s|KB\/s|MiB\/s|KiB\/s/);
    // The strip's overall speed and time left come first, so a narrow window cuts the counts, not them.
    const summary = panel(app).locator('.transfers-summary-text');
    await expect(summary).toHaveText(/^[\d.]+ [KM]i?B\/s · \d+:\d{2} left · /);
    await app.screenshot('transfers-running');
    await t.getByRole('button', { name: 'Pause' }).click();
    await expect(t).toHaveAttribute('data-state', 'paused');
    await t.getByRole('button', { name: 'Resume' }).click();
    await expect(t).toHaveAttribute('data-state', 'running');
    // Commands on the selection: select the row, then the toolbar acts on it.
    await t.click();
    await expect(t).toHaveAttribute('aria-selected', 'true');
    await toolbar(app).getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(t).toHaveAttribute('data-state', 'paused');
    await toolbar(app).getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(t).toHaveAttribute('data-state', 'cancelled');
    await expect.poll(async () => (await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([]);
    await toolbar(app).getByRole('button', { name: 'Retry', exact: true }).click();
    // Still limited, so the retry runs a couple of seconds and its row can say how it went.
    await coreClient(app.headless.core)('transfers:setSettings', { changes: { uploadLimit: 20 * MiB } });
    await expect(t).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });
    await expect(t).toContainText(/41\.9 MB in 0:0\d · [\d.]+ MB\/s average/);
    await app.screenshot('transfers-finished');
    await expect(row(app.page, `/${bucket}/big.bin`)).toBeVisible();
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('transfers: the conflict dialog asks, and "keep both" applies to all', async ({ app }) => {
  const s3 = testS3Client(app.servers);
  const bucket = uniqueBucketName('e2e-conf');
  await createBucketWith(s3, bucket, { 'report.txt': 'old report', 'notes.txt': 'old notes' });
  try {
    await openBucket(app, bucket);
    const report = join(app.workDir, 'report.txt');
    const notes = join(app.workDir, 'notes.txt');
    await writeFile(report, 'new report, longer');
    await writeFile(notes, 'new notes, longer');
    await dropFiles(app, [report, notes]);
    const dialog = app.page.getByRole('dialog', { name: 'The file already exists' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(/already exists on the server/);
    await expect(dialog.getByTestId('conflict-target')).toContainText('10 B');
    await app.screenshot('transfers-conflict-light');
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('transfers-conflict-dark');
    await app.page.emulateMedia({ colorScheme: 'light' });
    await dialog.getByLabel(/Do this for all conflicts/).check();
    await dialog.getByRole('button', { name: 'Keep both' }).click();
    await expect(dialog).toBeHidden();
    await waitForTransfer(app.page, 'report.txt');
    await waitForTransfer(app.page, 'notes.txt');
    await expect(row(app.page, `/${bucket}/report (1).txt`)).toBeVisible();
    await expect(row(app.page, `/${bucket}/notes (1).txt`)).toBeVisible();
    const get = async (Key: string) =>
      (await s3.send(new (await import('@aws-sdk/client-s3')).GetObjectCommand({ Bucket: bucket, Key }))).Body!.transformToString();
    expect(await get('report.txt')).toBe('old report');
    expect(await get('report (1).txt')).toBe('new report, longer');
    expect(await sha256(report)).toHaveLength(64);
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('transfers: the row menu and the keyboard pause, resume, cancel, retry, show and find a transfer', async ({ app }) => {
  const s3 = testS3Client(app.servers);
  const bucket = uniqueBucketName('e2e-keys');
  await createBucketWith(s3, bucket, { 'docs/readme.txt': 'hello' });
  try {
    await openBucket(app, bucket);
    await coreClient(app.headless.core)('transfers:setSettings', { changes: { uploadLimit: 4 * MiB } });
    const big = join(app.workDir, 'slow.bin');
    const small = join(app.workDir, 'quick.txt');
    await writeFile(big, randomBytes(40 * MiB));
    await writeFile(small, 'quick');
    await dropFiles(app, [small, big]);
    const slow = item(app, 'slow.bin');
    const quick = item(app, 'quick.txt');
    await expect(slow).toHaveAttribute('data-state', 'running');

    // Right-click: the menu acts on that row.
    await slow.click({ button: 'right' });
    const menu = app.page.getByRole('menu', { name: 'Transfer actions' });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Resume' })).toHaveAttribute('aria-disabled', 'true');
    await app.screenshot('transfers-menu');
    await menu.getByRole('menuitem', { name: 'Pause' }).click();
    await expect(slow).toHaveAttribute('data-state', 'paused');

    // The keyboard, on the list: Space resumes the selected row, Delete cancels it.
    const list = panel(app).getByRole('listbox', { name: 'Transfer list' });
    await expect(list).toBeFocused();
    await app.page.keyboard.press('Space');
    await expect(slow).toHaveAttribute('data-state', 'running');
    await app.page.keyboard.press('Space');
    await expect(slow).toHaveAttribute('data-state', 'paused');
    await app.page.keyboard.press('Delete');
    await expect(slow).toHaveAttribute('data-state', 'cancelled');
    await expect.poll(async () => (await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([]);

    // Arrows move the selection (newest first: slow.bin, then quick.txt); Ctrl+A selects both.
    await app.page.keyboard.press('ArrowDown');
    await expect(quick).toHaveAttribute('aria-selected', 'true');
    await expect(slow).toHaveAttribute('aria-selected', 'false');
    await app.page.keyboard.press('ArrowUp');
    await expect(slow).toHaveAttribute('aria-selected', 'true');
    await app.page.keyboard.press('Control+a');
    await expect(quick).toHaveAttribute('aria-selected', 'true');
    await app.page.keyboard.press('Escape');
    await expect(slow).toHaveAttribute('aria-selected', 'false');

    // Retry from the menu, unthrottled.
    await coreClient(app.headless.core)('transfers:setSettings', { changes: { uploadLimit: 0 } });
    await slow.click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Retry' }).click();
    await expect(slow).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });

    // Show in folder: main is asked for the upload's local file, found by the transfer's id.
    await slow.click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Show in folder' }).click();
    await expect.poll(() => app.headless.shownInFolder.at(-1)).toBe(big);

    // Go to remote folder: from elsewhere in the bucket back to the file, selected.
    await row(app.page, `/${bucket}/docs/`).dblclick();
    await expect(row(app.page, `/${bucket}/docs/readme.txt`)).toBeVisible();
    await slow.click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Go to remote folder' }).click();
    await expect(row(app.page, `/${bucket}/slow.bin`)).toHaveAttribute('aria-selected', 'true');
  } finally {
    await removeBucket(s3, bucket);
  }
});

import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateMultipartUploadCommand, ListMultipartUploadsCommand, ListObjectsV2Command, UploadPartCommand } from '@aws-sdk/client-s3';
import { connectLocalS3, dragOver, row, waitForTransfer } from './actions.js';
import { expect, test, type StowageApp } from './fixtures.js';
import { coreClient } from '../support/coreClient.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

const MiB = 1024 * 1024;

const panel = (app: StowageApp) => app.page.getByRole('region', { name: 'Transfers' });

async function openBucket(app: StowageApp, bucket: string) {
  await connectLocalS3(app);
  await row(app.page, `/${bucket}/`).dblclick();
  await expect(app.page.getByRole('navigation', { name: 'Path' })).toContainText(bucket);
}

test('transfer settings: change them in the dialog, the core has them, and they read back', async ({ app }) => {
  const s3 = testS3Client(app.servers);
  const bucket = uniqueBucketName('e2e-set');
  await createBucketWith(s3, bucket, {});
  try {
    await openBucket(app, bucket);
    await panel(app).getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Settings', exact: true });
    await expect(dialog.getByLabel('Files in parallel')).toHaveValue('10');
    await dialog.getByLabel('Files in parallel').fill('2');
    await dialog.getByLabel('Parts per file').fill('3');
    await dialog.getByLabel('Upload limit', { exact: true }).fill('3');
    await dialog.getByLabel('Upload limit unit').selectOption('MB');
    await dialog.getByLabel('Download limit', { exact: true }).fill('750');
    await dialog.getByLabel('Download limit unit').selectOption('KB');
    await dialog.getByLabel('Part size').fill('32');
    await dialog.getByLabel('When a file exists').selectOption({ label: 'Keep both (rename)' });
    await dialog.getByLabel('Preserve permissions (SFTP)').check();
    await dialog.locator('.modal-body').evaluate((body) => body.scrollTo(0, 0));
    await app.screenshot('transfer-settings-light');
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('transfer-settings-dark');
    await app.page.emulateMedia({ colorScheme: 'light' });
    // A bad value is explained, not sent.
    await dialog.getByLabel('Files in parallel').fill('99');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toContainText('Files in parallel must be between 1 and 32');
    await dialog.getByLabel('Files in parallel').fill('2');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();

    expect(await coreClient(app.headless.core)('transfers:getSettings', {})).toMatchObject({
      filesInParallel: 2,
      partsInFlight: 3,
      uploadLimit: 3_000_000,
      downloadLimit: 750_000,
      partSize: 32 * MiB,
      conflictPolicy: 'rename',
      preservePermissions: true,
    });

    // The app-level entry point (sidebar) opens the same settings, as saved.
    await app.page.getByRole('complementary').getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(dialog.getByLabel('Files in parallel')).toHaveValue('2');
    await expect(dialog.getByLabel('Upload limit', { exact: true })).toHaveValue('3');
    await expect(dialog.getByLabel('Download limit', { exact: true })).toHaveValue('750');
    await expect(dialog.getByLabel('Download limit unit')).toHaveValue('KB');
    await expect(dialog.getByLabel('When a file exists')).toHaveValue('rename');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('incomplete uploads: listed for the bucket, aborted after confirmation, none left on the server', async ({ app }) => {
  const s3 = testS3Client(app.servers);
  const bucket = uniqueBucketName('e2e-mpu');
  await createBucketWith(s3, bucket, { 'kept.txt': 'kept' });
  try {
    const first = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'backups/db.dump' }));
    await s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'backups/db.dump', UploadId: first.UploadId, PartNumber: 1, Body: randomBytes(5 * MiB) }));
    await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'video.mp4' }));
    await openBucket(app, bucket);
    await app.page.getByRole('toolbar', { name: 'Browser' }).getByRole('button', { name: 'Incomplete uploads' }).click();
    const dialog = app.page.getByRole('dialog', { name: `Incomplete uploads in “${bucket}”` });
    const table = dialog.getByRole('table', { name: 'Incomplete uploads' });
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(table.getByRole('row', { name: /backups\/db\.dump/ })).toContainText('1 · 5.2 MB');
    await expect(table.getByRole('row', { name: /video\.mp4/ })).toContainText('0 · 0 B');
    await app.screenshot('incomplete-uploads-light');
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('incomplete-uploads-dark');
    await app.page.emulateMedia({ colorScheme: 'light' });

    // One, after confirming; cancelling the question keeps it.
    await dialog.getByRole('button', { name: 'Abort backups/db.dump' }).click();
    const confirm = app.page.getByRole('alertdialog', { name: 'Abort this upload?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(table.getByRole('row')).toHaveCount(3);
    await dialog.getByRole('button', { name: 'Abort backups/db.dump' }).click();
    await confirm.getByRole('button', { name: 'Abort upload' }).click();
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).not.toContainText('db.dump');

    // Then all.
    await dialog.getByRole('button', { name: 'Abort all' }).click();
    await app.page.getByRole('alertdialog', { name: 'Abort all incomplete uploads?' }).getByRole('button', { name: 'Abort all' }).click();
    await expect(dialog).toContainText('No incomplete uploads in this bucket.');
    expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([]);
    // Finished objects are untouched.
    expect((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents?.map((c) => c.Key)).toEqual(['kept.txt']);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('dropping files on a folder row uploads into that folder, not the current one', async ({ app }) => {
  const s3 = testS3Client(app.servers);
  const bucket = uniqueBucketName('e2e-rowdrop');
  await createBucketWith(s3, bucket, { 'photos/old.jpg': 'old', 'top.txt': 'top' });
  try {
    await openBucket(app, bucket);
    const photos = row(app.page, `/${bucket}/photos/`);
    await expect(photos).toBeVisible();
    const a = join(app.workDir, 'beach.jpg');
    const b = join(app.workDir, 'sunset.jpg');
    await writeFile(a, randomBytes(1500));
    await writeFile(b, randomBytes(2500));
    const drop = await dragOver(app, photos, [a, b]);
    // While hovering, the row is marked and the overlay names the folder.
    await expect(photos).toHaveClass(/drop-target/);
    await expect(app.page.locator('.drop-overlay')).toContainText('Drop to upload to photos');
    await app.screenshot('transfers-drop-on-folder-row');
    await drop();
    await waitForTransfer(app.page, 'beach.jpg');
    await waitForTransfer(app.page, 'sunset.jpg');
    await expect(photos).not.toHaveClass(/drop-target/);
    const keys = (await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents!.map((c) => c.Key).sort();
    expect(keys).toEqual(['photos/beach.jpg', 'photos/old.jpg', 'photos/sunset.jpg', 'top.txt']);
    // The current folder (the bucket root) did not get them.
    await expect(row(app.page, `/${bucket}/beach.jpg`)).toHaveCount(0);
  } finally {
    await removeBucket(s3, bucket);
  }
});

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetBucketRequestPaymentCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Page } from '@playwright/test';
import { dropFiles, row, waitForTransfer } from './actions.js';
import { expect, test, type StowageApp } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

async function shoot(app: StowageApp, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await app.page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await app.screenshot(`${name}-${scheme}`);
  }
  await app.page.emulateMedia({ colorScheme: 'light' });
}

/** The connection form, with an upload storage class chosen for the connection. */
async function connectWithUploadClass(app: StowageApp, storageClass: string) {
  const { page, servers } = app;
  await page.getByRole('button', { name: 'New connection' }).click();
  const dialog = page.getByRole('dialog', { name: 'New connection' });
  await dialog.getByRole('radio', { name: 'S3' }).check();
  await dialog.getByLabel('Name', { exact: true }).fill('Ceph IA');
  await dialog.getByLabel('Endpoint', { exact: true }).selectOption({ label: 'Custom endpoint' });
  await dialog.getByLabel('Endpoint URL').fill(servers.s3.endpoint);
  await dialog.getByLabel('Region').fill('us-east-1');
  await dialog.getByLabel('Path-style addressing').check();
  await dialog.getByLabel('Upload storage class').selectOption(storageClass);
  await dialog.getByLabel('Access key ID').fill(servers.s3.accessKeyId);
  await dialog.getByLabel('Secret access key').fill(servers.s3.secretAccessKey);
  await dialog.getByRole('button', { name: 'Save & Connect' }).click();
}

const menuItem = (page: Page, name: string) => page.getByRole('menuitem', { name, exact: true });

test('access logging, requester pays, object ACLs, the default upload class and the archived badge, read back from the server', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-extras');
  await createBucketWith(s3, bucket, { 'page.html': '<p>hi</p>' });
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'cold.bin', Body: 'frozen', StorageClass: 'GLACIER' }));
  try {
    await connectWithUploadClass(app, 'STANDARD_IA');
    await row(page, `/${bucket}/`).click({ button: 'right' });
    await menuItem(page, 'Bucket settings…').click();
    const dialog = page.getByRole('dialog', { name: `Bucket settings — ${bucket}` });
    await expect(dialog.getByText('Reading the bucket')).toBeHidden();

    // Access logging: the bucket itself as target is warned about; RGW refuses to turn it on.
    await dialog.getByRole('button', { name: 'Access logging' }).click();
    await expect(dialog.getByTestId('logging-state')).toHaveText('Off');
    await dialog.getByLabel('Log requests to this bucket').check();
    await dialog.getByLabel('Target bucket').fill(bucket);
    await expect(dialog.getByRole('status').filter({ hasText: 'written into the bucket they describe' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Save logging' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('This server does not support server access logging.');
    await shoot(app, 'bucket-panel-logging');

    // Requester pays on, read from the server, then off again. The refused logging edits are
    // still unsaved: leaving their panel asks first, and they are discarded.
    await dialog.getByRole('button', { name: 'Requester pays' }).click();
    await page.getByRole('alertdialog', { name: 'Save your changes?' }).getByRole('button', { name: 'Discard' }).click();
    await expect(dialog.getByTestId('requester-pays-state')).toHaveText('The bucket owner pays');
    await dialog.getByRole('button', { name: 'Turn requester pays on' }).click();
    await expect(dialog.getByTestId('requester-pays-state')).toHaveText('The requester pays');
    expect((await s3.send(new GetBucketRequestPaymentCommand({ Bucket: bucket }))).Payer).toBe('Requester');
    await shoot(app, 'bucket-panel-requester-pays');
    await dialog.getByRole('button', { name: 'Turn requester pays off' }).click();
    await expect(dialog.getByTestId('requester-pays-state')).toHaveText('The bucket owner pays');
    expect((await s3.send(new GetBucketRequestPaymentCommand({ Bucket: bucket }))).Payer).toBe('BucketOwner');
    await dialog.getByRole('button', { name: 'Done' }).click();

    // Make public / private from the file menu: anonymous reads follow.
    await row(page, `/${bucket}/`).dblclick();
    await row(page, `/${bucket}/page.html`).click({ button: 'right' });
    await menuItem(page, 'Make public').click();
    await expect(page.getByText('“page.html” is now public')).toBeVisible();
    expect((await fetch(`${servers.s3.endpoint}/${bucket}/page.html`)).status).toBe(200);
    await row(page, `/${bucket}/page.html`).click({ button: 'right' });
    await menuItem(page, 'Make private').click();
    await expect(page.getByText('“page.html” is now private')).toBeVisible();
    expect((await fetch(`${servers.s3.endpoint}/${bucket}/page.html`)).status).toBe(403);

    // The archived object carries its badge, confirmed by HeadObject once selected.
    await row(page, `/${bucket}/cold.bin`).click();
    await expect(row(page, `/${bucket}/cold.bin`).getByTestId('restore-badge')).toHaveText('Archived');
    await expect(row(page, `/${bucket}/page.html`).getByTestId('restore-badge')).toHaveCount(0);
    await app.screenshot('browser-archived-badge');

    // An upload without a class gets the connection's STANDARD_IA.
    const local = join(app.workDir, 'ia.txt');
    await writeFile(local, 'infrequent');
    await dropFiles(app, [local]);
    await waitForTransfer(page, 'ia.txt');
    expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'ia.txt' }))).StorageClass).toBe('STANDARD_IA');
  } finally {
    await removeBucket(s3, bucket);
  }
});

/**
 * Issue 21 ("A Cyberduck user's first hour"), the bucket parts: undelete in a versioned
 * bucket, uploads refused by RGW's Block public ACLs quirk, Block all that applies, panels
 * that ask before unsaved changes are lost, buckets by keyboard, and the dialogs' polish.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import type { Page } from '@playwright/test';
import { connectLocalS3, dropFiles, files, row, waitForTransfer } from './actions.js';
import { openSettingsFromMenu, settingsDialog, shoot } from './bucketSettingsDialog.js';
import { expect, test } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

async function openBucket(page: Page, bucket: string) {
  await row(page, `/${bucket}/`).dblclick();
  await expect(page.getByRole('button', { name: 'Bucket settings' })).toBeVisible();
}

test('a deleted object in a versioned bucket is listed with Show deleted and restored', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-undelete');
  const plain = uniqueBucketName('e2e-unversioned');
  await createBucketWith(s3, bucket, {});
  await createBucketWith(s3, plain, { 'draft.txt': 'gone for good' });
  await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  for (const body of ['v1', 'version two']) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'report.txt', Body: body }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'keep.txt', Body: 'keep' }));
  try {
    await connectLocalS3(app);

    // An unversioned bucket: no Show deleted, and Delete says it is for good.
    await openBucket(page, plain);
    await expect(row(page, `/${plain}/draft.txt`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Show deleted' })).toHaveCount(0);
    await row(page, `/${plain}/draft.txt`).click();
    await page.keyboard.press('Delete');
    const askPlain = page.getByRole('alertdialog', { name: 'Delete?' });
    await expect(askPlain).toContainText('This cannot be undone.');
    await askPlain.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Up', exact: true }).click();

    // Versioned: the dialog says what Delete really does.
    await openBucket(page, bucket);
    await row(page, `/${bucket}/report.txt`).click();
    await page.keyboard.press('Delete');
    const ask = page.getByRole('alertdialog', { name: 'Delete?' });
    await expect(ask).toContainText('adds a delete marker; earlier versions are kept and can be restored with “Show deleted”');
    await expect(ask).not.toContainText('cannot be undone');
    await ask.getByRole('button', { name: 'Delete' }).click();
    await expect(row(page, `/${bucket}/report.txt`)).toBeHidden();

    // Show deleted: the object is back in the list, drawn as deleted.
    const toggle = page.getByRole('button', { name: 'Show deleted' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const gone = row(page, `/${bucket}/report.txt`);
    await expect(gone).toBeVisible();
    await expect(gone).toHaveClass(/deleted/);
    await expect(gone.getByTestId('deleted-badge')).toHaveText('deleted');
    await expect(gone.locator('.name-text')).toHaveCSS('text-decoration-line', 'line-through');
    await expect(row(page, `/${bucket}/keep.txt`)).not.toHaveClass(/deleted/);
    await gone.click();
    await shoot(app, 'bucket-show-deleted');

    // Restore from its menu: the newest version is current again.
    await gone.click({ button: 'right' });
    await expect(page.getByRole('menuitem', { name: 'Download…' })).toHaveCount(0);
    await page.getByRole('menuitem', { name: 'Restore' }).click();
    await expect(page.getByText('Restored “report.txt”.')).toBeVisible();
    await expect(row(page, `/${bucket}/report.txt`)).not.toHaveClass(/deleted/);
    const body = await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'report.txt' }))).Body!.transformToString();
    expect(body).toBe('version two');

    // Turned off, deleted objects leave the list again.
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'keep.txt' }));
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(row(page, `/${bucket}/keep.txt`)).toHaveClass(/deleted/);
    await toggle.click();
    await expect(row(page, `/${bucket}/keep.txt`)).toBeHidden();
    await expect(row(page, `/${bucket}/report.txt`)).toBeVisible();
  } finally {
    await removeBucket(s3, bucket);
    await removeBucket(s3, plain);
  }
});

test('an upload RGW refuses for Block public ACLs names that switch, offers to turn it off, and then goes through', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-refused');
  await createBucketWith(s3, bucket, {});
  const all = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
  await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: all }));
  const local = join(app.workDir, 'first-upload.txt');
  await writeFile(local, 'hello from the first hour');
  try {
    await connectLocalS3(app);
    await openBucket(page, bucket);
    await dropFiles(app, [local]);
    await waitForTransfer(page, 'first-upload.txt', 'failed');
    const transfer = page.getByRole('region', { name: 'Transfers' }).getByTestId('transfer').filter({ hasText: 'first-upload.txt' });
    await expect(transfer).toContainText('refuses uploads while the bucket’s “Block public ACLs” switch is on');
    await expect(transfer).not.toContainText('credentials');

    const offer = page.getByRole('dialog', { name: 'This server refuses uploads into the bucket' });
    await expect(offer).toContainText('your credentials are not the problem');
    await shoot(app, 'bucket-upload-refused');
    await offer.getByRole('button', { name: 'Turn off “Block public ACLs” and retry' }).click();
    await expect(offer).toBeHidden();
    await waitForTransfer(page, 'first-upload.txt', 'completed');
    await expect(row(page, `/${bucket}/first-upload.txt`)).toBeVisible();

    // Only that switch went off.
    const block = (await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration;
    expect(block).toMatchObject({ BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
    const body = await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'first-upload.txt' }))).Body!.transformToString();
    expect(body).toBe('hello from the first hour');
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('Block all applies after one question; a panel with unsaved changes asks before it is left', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-unsaved');
  await createBucketWith(s3, bucket, {});
  try {
    await connectLocalS3(app);
    await openSettingsFromMenu(page, bucket);
    const dialog = settingsDialog(page, bucket);
    const box = await dialog.boundingBox();

    // Block all: one confirmation, then it is saved (not just ticked).
    await dialog.getByRole('button', { name: 'Public access' }).click();
    await dialog.getByRole('button', { name: 'Block all…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Block all public access?' });
    await expect(confirm).toContainText('refuse uploads');
    await confirm.getByRole('button', { name: 'Block all' }).click();
    await expect(dialog.getByText('Saved.')).toBeVisible();
    const block = (await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration;
    expect(block).toMatchObject({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
    await expect(dialog.getByLabel('Restrict public buckets')).toBeChecked();

    // Unsaved switch: leaving for another panel asks. Stay keeps the edit in place.
    await dialog.getByLabel('Restrict public buckets').uncheck();
    await dialog.getByRole('button', { name: 'Tags' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Save your changes?' });
    await expect(ask).toContainText('The changes in “Public access” are not saved yet.');
    await shoot(app, 'bucket-unsaved-ask');
    await ask.getByRole('button', { name: 'Stay' }).click();
    await expect(dialog.getByRole('region', { name: 'Public access' })).toBeVisible();
    await expect(dialog.getByLabel('Restrict public buckets')).not.toBeChecked();

    // Save: written to the server, then the other panel opens.
    await dialog.getByRole('button', { name: 'Tags' }).click();
    await ask.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('region', { name: 'Tags' })).toBeVisible();
    const saved = (await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration;
    expect(saved?.RestrictPublicBuckets).toBe(false);

    // Discard: nothing written; and closing the dialog asks too.
    await dialog.getByRole('button', { name: 'Add tag' }).click();
    await dialog.getByLabel('Tag 1 key').fill('team');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(ask).toContainText('“Tags”');
    await ask.getByRole('button', { name: 'Discard' }).click();
    await expect(dialog).toBeHidden();

    // Every panel keeps the dialog's size and place.
    await openSettingsFromMenu(page, bucket);
    for (const nav of ['Versioning', 'Public access', 'Website hosting', 'Lifecycle rules', 'Bucket policy', 'CORS', 'Tags', 'Access logging', 'Requester pays']) {
      await dialog.getByRole('button', { name: nav, exact: true }).click();
      expect(await dialog.boundingBox()).toEqual(box);
    }
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('a policy about another bucket is flagged and does not make this one public; the editor fills the dialog', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-policy');
  await createBucketWith(s3, bucket, {});
  const elsewhere = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'Elsewhere', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::some-other-bucket/*' }],
  });
  await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: elsewhere }));
  try {
    await connectLocalS3(app);
    await openSettingsFromMenu(page, bucket);
    const dialog = settingsDialog(page, bucket);
    await expect(dialog.getByTestId('public-badge')).toHaveText('Not public');
    await dialog.getByRole('button', { name: 'Bucket policy' }).click();
    await expect(dialog.getByTestId('policy-elsewhere')).toContainText('statement 1 (arn:aws:s3:::some-other-bucket/*)');
    const editor = dialog.getByLabel('Policy (JSON)');
    const height = (await editor.boundingBox())!.height;
    expect(height).toBeGreaterThan(200);
    await shoot(app, 'bucket-panel-policy');
    // The standard policy names this bucket: the warning goes.
    await dialog.getByRole('button', { name: 'Insert public-read policy' }).click();
    await expect(dialog.getByTestId('policy-elsewhere')).toHaveCount(0);
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('buckets by keyboard, and the polish of the create, delete, share, properties and versions dialogs', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-keys');
  const made = uniqueBucketName('e2e-kbd-made');
  await createBucketWith(s3, bucket, { 'a.txt': 'a' });
  try {
    await connectLocalS3(app);

    // The New bucket button says what it does; the region field's placeholder is the connection's region.
    await page.getByRole('button', { name: 'New bucket' }).click();
    const create = page.getByRole('dialog', { name: 'New bucket' });
    await expect(create.getByLabel(/Region/)).toHaveAttribute('placeholder', servers.s3.region);
    await create.getByLabel('Bucket name').fill(made);
    // RGW refuses uploads while Block public ACLs is on: said here; this test uploads into the bucket.
    await expect(create.getByTestId('block-public-hint')).toContainText('refuse every upload');
    await create.getByLabel('Block all public access (recommended)').uncheck();
    await expect(create.getByTestId('block-public-hint')).toHaveCount(0);
    await create.getByRole('button', { name: 'Create bucket' }).click();
    await expect(create).toBeHidden();
    await s3.send(new HeadBucketCommand({ Bucket: made }));

    // Delete on a selected bucket opens its dialog; Enter in the name field submits once it matches.
    await row(page, `/${bucket}/`).click();
    await page.keyboard.press('Delete');
    const remove = page.getByRole('alertdialog', { name: `Delete bucket “${bucket}”?` });
    await expect(remove.getByTestId('empty-count')).toBeVisible();
    const prompt = remove.locator('.bucket-confirm-prompt');
    const lineHeight = parseFloat(await prompt.evaluate((e) => getComputedStyle(e).lineHeight));
    expect((await prompt.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
    await shoot(app, 'bucket-delete-confirm');
    const typed = remove.getByLabel('Bucket name to confirm');
    await typed.fill(bucket.slice(0, -1));
    await typed.press('Enter');
    await expect(remove).toBeVisible();
    await typed.fill(bucket);
    await typed.press('Enter');
    await expect(remove).toBeHidden();
    await expect(s3.send(new HeadBucketCommand({ Bucket: bucket }))).rejects.toThrow();
    await expect(row(page, `/${bucket}/`)).toBeHidden();

    // An object from before versioning: its "null" version id is named for what it is.
    await s3.send(new PutObjectCommand({ Bucket: made, Key: 'old.txt', Body: 'from before', ContentType: 'text/plain', CacheControl: 'max-age=60' }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: made, VersioningConfiguration: { Status: 'Enabled' } }));
    await s3.send(new PutObjectCommand({ Bucket: made, Key: 'old.txt', Body: 'after', ContentType: 'text/plain', CacheControl: 'max-age=60' }));
    await page.getByRole('button', { name: 'Refresh' }).click();
    await openBucket(page, made);
    await row(page, `/${made}/old.txt`).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Show versions' }).click();
    const versions = page.getByRole('dialog', { name: 'Versions of “old.txt”' });
    await expect(versions.locator('tbody tr')).toHaveCount(2);
    await expect(versions.locator('tr[data-version="null"]')).toContainText('— (before versioning)');
    await expect(versions.locator('tr[data-version="null"] code')).toHaveCount(0);
    await shoot(app, 'bucket-versions-null');
    await versions.getByRole('button', { name: 'Done' }).click();

    // Properties: filled values are drawn as text, not in the placeholder's grey.
    await row(page, `/${made}/old.txt`).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Properties…' }).click();
    const props = page.getByRole('dialog', { name: 'old.txt' });
    const contentType = props.getByLabel('Content type');
    await expect(contentType).toHaveValue('text/plain');
    const colours = await contentType.evaluate((input) => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--text)';
      document.body.append(probe);
      const text = getComputedStyle(probe).color;
      probe.remove();
      return { input: getComputedStyle(input).color, text };
    });
    expect(colours.input).toBe(colours.text);
    await shoot(app, 'bucket-properties');
    await props.getByRole('button', { name: 'Share…' }).click();

    // Share: the whole presigned URL shows, and "Expires after" lines up with the other fields.
    const share = page.getByRole('dialog', { name: 'Share link' });
    const url = share.getByLabel('Presigned URL');
    await expect(url).toHaveValue(/X-Amz-Signature=/);
    const fits = await url.evaluate((area) => area.scrollHeight <= area.clientHeight + 1);
    expect(fits).toBe(true);
    const expires = share.getByRole('combobox');
    const [selectBox, urlBox] = [await expires.boundingBox(), await url.boundingBox()];
    expect(Math.abs(selectBox!.x - urlBox!.x)).toBeLessThan(1);
    expect(Math.abs(selectBox!.width - urlBox!.width)).toBeLessThan(1);
    await shoot(app, 'share-dialog');
    await share.getByRole('button', { name: 'Close' }).click();
    await expect(files(page)).toBeVisible();
  } finally {
    await removeBucket(s3, bucket);
    await removeBucket(s3, made);
  }
});

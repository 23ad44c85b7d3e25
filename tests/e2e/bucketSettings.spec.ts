import {
  GetBucketVersioningCommand,
  GetBucketWebsiteCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { connectLocalS3, row } from './actions.js';
import { openSettingsFromMenu, settingsDialog, shoot } from './bucketSettingsDialog.js';
import { expect, screenshotDir, test } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

test('bucket settings: versioning, public access and website hosting changed in the UI are what the server holds', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-settings');
  await createBucketWith(s3, bucket, { 'index.html': '<h1>home</h1>', 'error.html': 'oops' });
  try {
    await connectLocalS3(app);
    await openSettingsFromMenu(page, bucket);
    const dialog = settingsDialog(page, bucket);

    // Versioning: never enabled → Enabled (after confirming it is for good) → Suspended.
    await expect(dialog.getByTestId('versioning-state')).toHaveText('Never enabled');
    await shoot(app, 'bucket-panel-versioning');
    await dialog.getByRole('button', { name: 'Enable versioning' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Enable versioning?' });
    await expect(confirm).toContainText('cannot be undone');
    await confirm.getByRole('button', { name: 'Enable versioning' }).click();
    await expect(dialog.getByTestId('versioning-state')).toHaveText('Enabled');
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status).toBe('Enabled');
    await dialog.getByRole('button', { name: 'Suspend versioning' }).click();
    await expect(dialog.getByTestId('versioning-state')).toHaveText('Suspended');
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status).toBe('Suspended');

    // Website hosting, then the warning that nothing lets visitors read it, and the fix offered.
    await dialog.getByRole('button', { name: 'Website hosting' }).click();
    await expect(dialog.getByTestId('website-state')).toHaveText('Off');
    await dialog.getByRole('radio', { name: 'Host a website' }).check();
    await dialog.getByLabel('Error document').fill('error.html');
    await dialog.getByRole('button', { name: 'Save website settings' }).click();
    await expect(dialog.getByTestId('website-state')).toHaveText('Hosting a website');
    // A custom endpoint's website address is the server's setup: no unresolvable guess like http://bucket.127.0.0.1:7480.
    await expect(dialog.getByTestId('website-endpoint')).toContainText('depends on how this server is set up');
    const site = await s3.send(new GetBucketWebsiteCommand({ Bucket: bucket }));
    expect([site.IndexDocument?.Suffix, site.ErrorDocument?.Key]).toEqual(['index.html', 'error.html']);
    await expect(dialog.getByText('No policy or ACL lets visitors read the objects yet.')).toBeVisible();
    await shoot(app, 'bucket-panel-website');
    await dialog.getByRole('button', { name: 'Add the standard public-read policy' }).click();
    await expect(dialog.getByTestId('public-badge')).toContainText('Public — through the bucket policy');

    // Public access: the badge says public; blocking public policies makes the bucket not public.
    await dialog.getByRole('button', { name: 'Public access' }).click();
    await dialog.getByLabel('Block public ACLs').check();
    await dialog.getByLabel('Restrict public buckets').check();
    await dialog.getByRole('button', { name: 'Save switches' }).click();
    await expect(dialog.getByText('Saved.')).toBeVisible();
    const block = (await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration;
    expect(block).toMatchObject({ BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: true });
    await expect(dialog.getByTestId('public-badge').first()).toHaveText('Not public — a public grant is blocked by Block Public Access');
    await expect(dialog.getByText('Account-level settings exist on AWS only.')).toBeVisible();
    await shoot(app, 'bucket-panel-public-access');

    // The other panels, each shown once (RGW cannot set a default encryption). Lifecycle
    // and CORS rules have their own spec: bucketRuleForms.spec.ts.
    for (const [nav, name] of [
      ['Default encryption', 'encryption'],
      ['Bucket policy', 'policy'],
      ['Tags', 'tags'],
    ] as const) {
      await dialog.getByRole('button', { name: nav, exact: true }).click();
      await expect(dialog.getByRole('region', { name: nav === 'Bucket policy' ? 'Bucket policy' : nav })).toBeVisible();
      if (name === 'encryption') {
        // RGW reads "no default encryption" but refuses to set one: said in the panel, in words.
        await dialog.getByLabel('Encryption', { exact: true }).selectOption('SSE-S3');
        await dialog.getByRole('button', { name: 'Save encryption' }).click();
        await expect(dialog.getByRole('alert')).toHaveText('This server does not support default encryption.');
      }
      await shoot(app, `bucket-panel-${name}`);
      // The refused encryption choice is still unsaved: leaving its panel asks, and it is discarded.
      if (name === 'encryption') {
        await dialog.getByRole('button', { name: 'Bucket policy', exact: true }).click();
        await page.getByRole('alertdialog', { name: 'Save your changes?' }).getByRole('button', { name: 'Discard' }).click();
      }
    }
    // A policy that is not valid JSON is refused as you type, before anything is sent.
    await dialog.getByRole('button', { name: 'Bucket policy', exact: true }).click();
    await dialog.getByLabel('Policy (JSON)').fill('{"Statement": [');
    await expect(dialog.getByText(/The policy is not valid JSON/)).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Save policy' })).toBeDisabled();
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('storage class and versions: change a class from the menu through the transfer queue, filter by class, restore an older version', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-sclass');
  await createBucketWith(s3, bucket, { 'keep.txt': 'standard', 'docs/a.txt': 'alpha', 'docs/b.txt': 'beta' });
  await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  for (const body of ['first draft', 'second draft']) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'notes.txt', Body: body }));
  try {
    await connectLocalS3(app);
    await row(page, `/${bucket}/`).dblclick();
    await row(page, `/${bucket}/notes.txt`).click();
    await row(page, `/${bucket}/docs/`).click({ modifiers: ['Control'] });
    await row(page, `/${bucket}/notes.txt`).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Change storage class…' }).click();
    const change = page.getByRole('dialog', { name: 'Change storage class' });
    await expect(change).toContainText('Copies 1 file and 1 folder (everything inside) onto themselves with the new class.');
    await change.getByLabel('New storage class').selectOption('STANDARD_IA');
    await app.screenshot('bucket-storage-class-dialog');
    await change.getByRole('button', { name: 'Change class' }).click();
    await expect(change).toBeHidden();

    // One row per object in Transfers, marked as a class change, each done.
    const transfers = page.getByRole('region', { name: 'Transfers' });
    const changes = transfers.getByTestId('transfer').filter({ hasText: '→ Standard-IA' });
    await expect(changes).toHaveCount(3);
    for (const name of ['notes.txt', 'a.txt', 'b.txt']) {
      const item = changes.filter({ hasText: name });
      await expect(item).toHaveAttribute('data-state', 'completed');
      await expect(item.getByTitle('Change storage class to Standard-IA')).toBeVisible();
    }
    await transfers.screenshot({ path: `${screenshotDir}/transfers-storage-class.png` });
    for (const key of ['notes.txt', 'docs/a.txt', 'docs/b.txt']) {
      expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).StorageClass).toBe('STANDARD_IA');
    }
    expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'keep.txt' }))).StorageClass ?? 'STANDARD').toBe('STANDARD');
    // The list on screen refreshed by itself: its Storage class column shows the new class.
    await expect(row(page, `/${bucket}/notes.txt`)).toContainText('Standard-IA');

    await page.getByLabel('Storage class filter').selectOption('STANDARD_IA');
    await expect(row(page, `/${bucket}/keep.txt`)).toBeHidden();
    await expect(row(page, `/${bucket}/notes.txt`)).toBeVisible();
    await app.screenshot('bucket-storage-class-filter');
    await page.getByLabel('Storage class filter').selectOption('');
    await expect(row(page, `/${bucket}/keep.txt`)).toBeVisible();

    await row(page, `/${bucket}/notes.txt`).click();
    await row(page, `/${bucket}/notes.txt`).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Show versions' }).click();
    const versions = page.getByRole('dialog', { name: 'Versions of “notes.txt”' });
    // Two uploads and the copy that changed the class: three versions, newest first.
    await expect(versions.locator('tbody tr')).toHaveCount(3);
    await shoot(app, 'bucket-versions');
    await versions.locator('tbody tr').last().getByRole('button', { name: 'Restore' }).click();
    await expect(versions.locator('tbody tr')).toHaveCount(4);
    const body = await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'notes.txt' }))).Body!.transformToString();
    expect(body).toBe('first draft');
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('create a bucket with the name checked as you type, then empty and delete it after typing its name', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-made');
  try {
    await connectLocalS3(app);
    await page.getByRole('button', { name: 'New bucket' }).click();
    const create = page.getByRole('dialog', { name: 'New bucket' });
    await create.getByLabel('Bucket name').fill('My_Bucket');
    await expect(create.getByTestId('bucket-name-check')).toHaveText('Bucket names cannot contain uppercase letters.');
    await create.getByLabel('Bucket name').fill('xn--bucket');
    await expect(create.getByTestId('bucket-name-check')).toHaveText('Bucket names cannot start with "xn--".');
    await expect(create.getByRole('button', { name: 'Create bucket' })).toBeDisabled();
    await create.getByLabel('Bucket name').fill(bucket);
    await expect(create.getByTestId('bucket-name-check')).toContainText('A valid bucket name');
    await create.getByLabel('Enable versioning').check();
    await create.getByLabel('Block all public access (recommended)').uncheck();
    await app.screenshot('bucket-create');
    await create.getByRole('button', { name: 'Create bucket' }).click();
    await expect(create).toBeHidden();
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status).toBe('Enabled');

    for (const b of ['1', '2']) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'a.txt', Body: b }));
    await page.getByRole('button', { name: 'Refresh' }).click();
    await row(page, `/${bucket}/`).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Delete bucket…' }).click();
    const remove = page.getByRole('alertdialog', { name: `Delete bucket “${bucket}”?` });
    await expect(remove.getByTestId('empty-count')).toContainText('2 object versions and 0 delete markers');
    await expect(remove.getByRole('button', { name: 'Empty and delete' })).toBeDisabled();
    await remove.getByLabel('Bucket name to confirm').fill(bucket);
    await shoot(app, 'bucket-delete');
    await remove.getByRole('button', { name: 'Empty and delete' }).click();
    await expect(remove).toBeHidden();
    await expect(s3.send(new HeadBucketCommand({ Bucket: bucket }))).rejects.toThrow();
    await expect(row(page, `/${bucket}/`)).toBeHidden();
  } finally {
    await removeBucket(s3, bucket);
  }
});

import { GetObjectLegalHoldCommand, GetObjectLockConfigurationCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Page } from '@playwright/test';
import { connectLocalS3, row } from './actions.js';
import { openSettingsFromMenu, settingsDialog, shoot } from './bucketSettingsDialog.js';
import { expect, test } from './fixtures.js';
import { removeLockedBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';


const menuItem = (page: Page, name: string) => page.getByRole('menuitem', { name, exact: true });

test('Object Lock: a bucket created with it, its default retention, legal holds from the menu and Properties, a refused delete; Transfer Acceleration says AWS only', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-lock');
  try {
    await connectLocalS3(app);

    // The new bucket dialog offers Object Lock, which turns versioning on with it.
    await page.getByRole('button', { name: 'New bucket' }).click();
    const create = page.getByRole('dialog', { name: 'New bucket' });
    await create.getByLabel('Bucket name').fill(bucket);
    await create.getByLabel('Block all public access (recommended)').uncheck();
    await create.getByLabel(/Enable object lock/).check();
    await create.getByRole('button', { name: 'Create bucket' }).click();
    await expect(create).toBeHidden();
    expect((await s3.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }))).ObjectLockConfiguration?.ObjectLockEnabled).toBe('Enabled');

    // Default retention: none, then governance for 30 days, read back from the server.
    await openSettingsFromMenu(page, bucket);
    const dialog = settingsDialog(page, bucket);
    await dialog.getByRole('button', { name: 'Object Lock' }).click();
    await expect(dialog.getByTestId('object-lock-state')).toHaveText('Enabled');
    await expect(dialog.getByTestId('object-lock-default')).toHaveText('No default retention.');
    await dialog.getByLabel('Give new objects a default retention').check();
    await dialog.getByLabel('Retention period').fill('0');
    await expect(dialog.getByText('A whole number from 1 to 36,500.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Save default retention' })).toBeDisabled();
    await dialog.getByLabel('Retention period').fill('30');
    await dialog.getByRole('button', { name: 'Save default retention' }).click();
    await expect(dialog.getByTestId('object-lock-default')).toHaveText('Default retention: Governance, 30 days.');
    expect((await s3.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }))).ObjectLockConfiguration?.Rule?.DefaultRetention).toMatchObject({
      Mode: 'GOVERNANCE',
      Days: 30,
    });
    await shoot(app, 'bucket-panel-object-lock');

    // Compliance asks first; cancelling keeps the server as it was.
    await dialog.getByRole('radio', { name: 'Compliance' }).check();
    await expect(dialog.getByText('not even the account')).toBeVisible();
    await dialog.getByRole('button', { name: 'Save default retention' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Use compliance mode?' });
    await expect(confirm).toContainText('nobody can delete them');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect((await s3.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }))).ObjectLockConfiguration?.Rule?.DefaultRetention?.Mode).toBe('GOVERNANCE');
    await dialog.getByRole('radio', { name: 'Governance' }).check();

    // Transfer Acceleration exists on AWS only: this RGW panel says so.
    await dialog.getByRole('button', { name: 'Transfer Acceleration' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Transfer Acceleration exists on AWS only.');
    await shoot(app, 'bucket-panel-acceleration-rgw');
    await dialog.getByRole('button', { name: 'Done' }).click();

    // Legal hold for a selection of two objects, from the file menu.
    const noRetention = { Bucket: bucket, Body: 'x' };
    await s3.send(new PutObjectCommand({ ...noRetention, Key: 'a.txt', ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: new Date(Date.now() + 86_400_000) }));
    await s3.send(new PutObjectCommand({ ...noRetention, Key: 'b.txt' }));
    await row(page, `/${bucket}/`).dblclick();
    await row(page, `/${bucket}/a.txt`).click();
    await row(page, `/${bucket}/b.txt`).click({ modifiers: ['Shift'] });
    await row(page, `/${bucket}/b.txt`).click({ button: 'right' });
    await menuItem(page, 'Turn legal hold on').click();
    await expect(page.getByText('Legal hold on for 2 objects.')).toBeVisible();
    for (const Key of ['a.txt', 'b.txt']) {
      expect((await s3.send(new GetObjectLegalHoldCommand({ Bucket: bucket, Key }))).LegalHold?.Status).toBe('ON');
    }

    // Properties shows the retention and the legal hold, and turns the hold off.
    await row(page, `/${bucket}/a.txt`).click();
    await row(page, `/${bucket}/a.txt`).click({ button: 'right' });
    await menuItem(page, 'Properties…').click();
    const props = page.getByRole('dialog', { name: 'a.txt' });
    await expect(props.getByTestId('object-retention')).toContainText('Governance mode until');
    await expect(props.getByTestId('object-legal-hold')).toHaveText('On');
    await shoot(app, 'properties-object-lock');
    await props.getByRole('button', { name: 'Turn legal hold off' }).click();
    await expect(props.getByTestId('object-legal-hold')).toHaveText('Off');
    expect((await s3.send(new GetObjectLegalHoldCommand({ Bucket: bucket, Key: 'a.txt' }))).LegalHold?.Status).toBe('OFF');
    await props.getByRole('button', { name: 'Close' }).click();

    // Deleting the retained version from its versions says why and until when.
    await row(page, `/${bucket}/a.txt`).click({ button: 'right' });
    await menuItem(page, 'Show versions').click();
    const versions = page.getByRole('dialog', { name: 'Versions of “a.txt”' });
    await versions.getByRole('button', { name: 'Delete', exact: true }).first().click();
    await page.getByRole('alertdialog', { name: 'Delete this version for good?' }).getByRole('button', { name: 'Delete version' }).click();
    await expect(versions.getByRole('alert')).toContainText(/^Object Lock refused the delete: this version is kept in governance mode until .*\d{4}/);
    await shoot(app, 'object-lock-delete-refused');
  } finally {
    await removeLockedBucket(s3, bucket);
  }
});

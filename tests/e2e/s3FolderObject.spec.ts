import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { connectLocalS3, files, row } from './actions.js';
import { expect, test } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

test('S3: a folder object (a "/" key holding bytes) shows flagged in its folder, with only safe actions', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-dirobj');
  const p = (key: string) => `/${bucket}/${key}`;
  await createBucketWith(s3, bucket, {
    'p/dirobj/': 'forty-four bytes under a key ending in slash',
    'p/dirobj/child.txt': 'child',
  });
  try {
    await connectLocalS3(app);
    await row(page, `/${bucket}/`).dblclick();
    await row(page, p('p/')).dblclick();
    // In `p/` the key shows as the folder it names.
    await expect(row(page, p('p/dirobj/'))).toHaveAttribute('data-kind', 'folder');
    await row(page, p('p/dirobj/')).dblclick();
    await expect(row(page, p('p/dirobj/child.txt'))).toBeVisible();

    // Inside it, the object itself: a flagged file row named after its folder.
    const flagged = row(page, p('p/dirobj/'));
    await expect(flagged).toHaveAttribute('data-kind', 'file');
    await expect(flagged.locator('.name-text')).toHaveText('dirobj/');
    await expect(flagged.locator('.cell-size')).toHaveText('44 B');
    const badge = flagged.getByTestId('folder-object-badge');
    await expect(badge).toHaveText('folder object');
    await expect(badge).toHaveAttribute('title', "This object's key ends in a slash, so S3 tools show it as a folder, but it holds 44 bytes.");
    await expect(page.locator('.statusbar')).toContainText('2 items');
    await app.screenshot('s3-folder-object');

    // Its menu: Properties, Download of its folder (said so), Delete; nothing that would act on the whole folder.
    await flagged.click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'File actions' });
    // A menu item's name is its label followed by its shortcut, if any ("Delete… Del").
    const item = (label: string) => menu.getByRole('menuitem', { name: new RegExp(`^${label.replace(/[()?.*+]/g, '\\$&')}( |$)`) });
    for (const enabled of ['Download folder (includes this object)…', 'Properties…', 'Delete…']) {
      await expect(item(enabled)).not.toHaveAttribute('aria-disabled', 'true');
    }
    for (const disabled of ['Open', 'Rename', 'Duplicate', 'Copy to…', 'Move to…', 'Share link…', 'Change storage class…', 'Show versions', 'Make public']) {
      await expect(item(disabled)).toHaveAttribute('aria-disabled', 'true');
    }
    await app.screenshot('s3-folder-object-menu');

    // Properties: a HEAD of that exact key, with the same sentence.
    await item('Properties…').click();
    const props = page.getByRole('dialog', { name: 'dirobj' });
    await expect(props).toContainText('44 bytes');
    await expect(props).toContainText(`/${bucket}/p/dirobj/`);
    await expect(props).toContainText("This object's key ends in a slash, so S3 tools show it as a folder, but it holds 44 bytes.");
    await app.screenshot('s3-folder-object-properties');
    await props.getByRole('button', { name: 'Close' }).click();

    // F2 would rename the whole folder: it says why not instead.
    await flagged.click();
    await page.keyboard.press('F2');
    await expect(page.getByText('so this object cannot be renamed, copied or moved on its own')).toBeVisible();
    await expect(page.getByRole('textbox', { name: /^New name for/ })).toHaveCount(0);

    // Delete removes that one key: the folder and its child stay.
    await files(page).focus();
    await page.keyboard.press('Delete');
    const confirm = page.getByRole('alertdialog', { name: 'Delete?' });
    await expect(confirm).toContainText('“dirobj/” will be deleted: 1 file, 44 B');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByText('Deleted 1 object.')).toBeVisible();
    await expect(row(page, p('p/dirobj/'))).toHaveCount(0);
    await expect(row(page, p('p/dirobj/child.txt'))).toBeVisible();
    const left = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    expect((left.Contents ?? []).map((o) => o.Key)).toEqual(['p/dirobj/child.txt']);
  } finally {
    await removeBucket(s3, bucket);
  }
});

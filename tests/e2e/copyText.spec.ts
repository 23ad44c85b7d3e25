import { connectLocalS3, row } from './actions.js';
import { expect, test } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

// The app's windows get no clipboard permission: copying goes to the host through the core
// (main's clipboard module in the app; here the bridge's host, which records it).
test('Copy path hands the path to the host, which puts it on the clipboard', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-copy');
  await createBucketWith(s3, bucket, { 'notes/readme.txt': 'hello' });
  try {
    await connectLocalS3(app);
    await row(page, `/${bucket}/`).dblclick();
    await row(page, `/${bucket}/notes/`).dblclick();
    await row(page, `/${bucket}/notes/readme.txt`).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Copy path' }).click();
    await expect(page.getByText(`Copied /${bucket}/notes/readme.txt`)).toBeVisible();
    expect(app.headless.copied).toEqual([`/${bucket}/notes/readme.txt`]);
  } finally {
    await removeBucket(s3, bucket);
  }
});

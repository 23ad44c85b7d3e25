import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { connectLocalS3, connectS3, row } from './actions.js';
import { expect, test } from './fixtures.js';
import { startDeniedListBucketsProxy } from '../support/deniedListBucketsProxy.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

test('S3: a long folder copy shows a progress bar with counts, then the copy', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-progress');
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const keys = Array.from({ length: 1200 }, (_, i) => `batch/part-${String(i).padStart(4, '0')}.dat`);
  const queue = [...keys];
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      for (let key = queue.shift(); key; key = queue.shift()) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x' }));
    }),
  );
  try {
    await connectLocalS3(app);
    await row(page, `/${bucket}/`).dblclick();
    await row(page, `/${bucket}/batch/`).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Copy to…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Copy “batch”' });
    await dialog.getByLabel('Into folder').fill(`/${bucket}/copied/`);
    await dialog.getByRole('button', { name: 'Copy', exact: true }).click();

    const bar = dialog.getByRole('progressbar', { name: 'Copied so far' });
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute('aria-valuemax', '1201');
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000, intervals: [50] }).toBeGreaterThan(0);
    await expect(dialog).toContainText(/Copied [\d,]+ of 1,201 items/);
    await app.screenshot('s3-folder-copy-progress');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(bar).toBeVisible();
    await app.screenshot('s3-folder-copy-progress-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await expect(dialog).toBeHidden({ timeout: 120_000 });
    await expect(row(page, `/${bucket}/copied/`)).toBeVisible();
    let copied = 0;
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'copied/batch/', ContinuationToken: token }));
      copied += page.KeyCount ?? 0;
      token = page.NextContinuationToken;
    } while (token);
    expect(copied).toBe(keys.length);
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('S3: a denied bucket list (recorded AWS responses) offers to open a bucket by name, which is saved', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-denied');
  await createBucketWith(s3, bucket, { 'reports/q1.csv': 'a,b\n', 'readme.txt': 'hello' });
  const proxy = await startDeniedListBucketsProxy(servers.s3.endpoint);
  try {
    await connectS3(page, {
      name: 'Reader',
      endpoint: proxy.endpoint,
      accessKeyId: servers.s3.accessKeyId,
      secretAccessKey: servers.s3.secretAccessKey,
    });
    await expect(page.getByText(/may not list buckets \(no s3:ListAllMyBuckets permission\)/)).toBeVisible();
    await page.getByRole('button', { name: 'Open bucket by name…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open bucket by name' });
    await dialog.getByLabel('Bucket').fill(bucket);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(row(page, `/${bucket}/readme.txt`)).toBeVisible();
    await expect(row(page, `/${bucket}/reports/`)).toBeVisible();

    const connection = page.getByRole('navigation', { name: 'Connections' }).getByText('Reader', { exact: true });
    await connection.click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Disconnect', exact: true }).click();
    await connection.click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Connect', exact: true }).click();
    await expect(row(page, `/${bucket}/`)).toBeVisible();
    await app.screenshot('s3-denied-bucket-list-saved-bucket');
    expect(proxy.denied()).toBeGreaterThan(1);
  } finally {
    await proxy.close();
    await removeBucket(s3, bucket);
  }
});

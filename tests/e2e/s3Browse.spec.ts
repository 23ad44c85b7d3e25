import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Page } from '@playwright/test';
import { connectLocalS3, files, row } from './actions.js';
import { expect, test } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

const firstRowName = (page: Page) => files(page).locator('[role="row"][data-path] .name-text').first();

async function goTo(page: Page, path: string) {
  await page.getByRole('button', { name: 'Edit path' }).click();
  const input = page.getByRole('textbox', { name: 'Path' });
  await input.fill(path);
  await input.press('Enter');
}

test('S3: profile connection, a long list that sorts, filters and answers the keyboard, and the properties panel', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-long');
  await createBucketWith(s3, bucket, { 'top.txt': 'top' });
  const count = 1500;
  const name = (i: number) => `file-${String(i).padStart(4, '0')}.log`;
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, (_, j) => i + j).map((n) =>
        s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: `logs/${name(n)}`,
            Body: Buffer.alloc((n * 37) % 1000),
            StorageClass: n % 10 === 3 ? 'STANDARD_IA' : undefined,
          }),
        ),
      ),
    );
  }
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'logs/archive/old.log', Body: Buffer.from('old') }));
  await mkdir(join(app.headless.homeDir, '.aws'), { recursive: true });
  await writeFile(
    join(app.headless.homeDir, '.aws', 'credentials'),
    `[ceph]\naws_access_key_id = ${servers.s3.accessKeyId}\naws_secret_access_key = ${servers.s3.secretAccessKey}\n`,
  );
  try {
    await page.getByRole('button', { name: 'New connection' }).click();
    const form = page.getByRole('dialog', { name: 'New connection' });
    await form.getByRole('radio', { name: 'S3' }).check();
    await form.getByLabel('Name', { exact: true }).fill('Ceph via profile');
    await form.getByLabel('Endpoint', { exact: true }).selectOption({ label: 'Custom endpoint' });
    await form.getByLabel('Endpoint URL').fill(servers.s3.endpoint);
    await form.getByLabel('Region').fill('us-east-1');
    await form.getByLabel('Path-style addressing').check();
    await form.getByLabel('Authentication').selectOption({ label: 'AWS profile' });
    await form.getByLabel('Profile').fill('ceph');
    await expect(form).toContainText('Access keys from the credentials file.');
    await form.getByRole('button', { name: 'Save & Connect' }).click();
    await expect(row(page, `/${bucket}/`)).toBeVisible();

    // The editable path bar goes straight to a folder.
    await goTo(page, `${bucket}/logs`);
    await expect(page.locator('.statusbar')).toContainText(`${(count + 1).toLocaleString('en-US')} items`, { timeout: 30_000 });
    // Virtualised: a screenful of rows in the DOM, not 1,501.
    expect(await files(page).locator('[role="row"][data-path]').count()).toBeLessThan(80);
    await expect(firstRowName(page)).toHaveText('archive');
    await app.screenshot('s3-long-list');

    // Sorting: size (smallest first, then largest first), storage class.
    const header = (label: string) => page.getByRole('columnheader', { name: label });
    await header('Size').getByRole('button').click();
    await expect(header('Size')).toHaveAttribute('aria-sort', 'ascending');
    await expect(firstRowName(page)).toHaveText('archive'); // folders stay first
    await expect(files(page).locator('[role="row"][data-path] .name-text').nth(1)).toHaveText('file-0000.log');
    await header('Size').getByRole('button').click();
    await expect(header('Size')).toHaveAttribute('aria-sort', 'descending');
    await header('Storage class').getByRole('button').click();
    await expect(header('Storage class')).toHaveAttribute('aria-sort', 'ascending');
    await expect(files(page).locator('[role="row"][data-kind="file"] .cell-class').first()).toHaveText(/Standard/);
    await header('Name').getByRole('button').click();

    // Filtering as you type.
    const filter = page.getByRole('searchbox', { name: 'Filter' });
    await filter.fill('file-014');
    await expect(page.locator('.statusbar')).toContainText(`10 of ${(count + 1).toLocaleString('en-US')} items`);
    await expect(files(page).locator('[role="row"][data-path]')).toHaveCount(10);
    await filter.fill('');

    // Keyboard: type-ahead, arrows, Enter opens a folder, Backspace goes back up.
    const grid = files(page);
    await grid.focus();
    await page.keyboard.type('file-0777');
    await expect(row(page, `/${bucket}/logs/${name(777)}`)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(row(page, `/${bucket}/logs/${name(778)}`)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Home');
    await expect(row(page, `/${bucket}/logs/archive/`)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(row(page, `/${bucket}/logs/archive/old.log`)).toBeVisible();
    await page.keyboard.press('Backspace');
    await expect(row(page, `/${bucket}/logs/archive/`)).toHaveAttribute('aria-selected', 'true');

    // Properties: facts, then a metadata edit saved by a copy in place.
    await row(page, `/${bucket}/logs/${name(3)}`).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Properties…' }).click();
    const props = page.getByRole('dialog', { name: name(3) });
    await expect(props).toContainText('Standard-IA');
    await expect(props).toContainText('111 bytes');
    await props.getByRole('button', { name: 'Add metadata' }).click();
    await props.getByLabel('Metadata name 1').fill('owner');
    await props.getByLabel('Metadata value 1').fill('data team');
    await props.getByRole('button', { name: 'Add tag' }).click();
    await props.getByLabel('Tag name 1').fill('retention');
    await props.getByLabel('Tag value 1').fill('90d');
    await props.getByLabel('Cache-Control').fill('max-age=600');
    await app.screenshot('s3-properties');
    await props.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Properties saved.')).toBeVisible();
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: `logs/${name(3)}` }));
    expect(head.Metadata).toEqual({ owner: 'data team' });
    expect(head.CacheControl).toBe('max-age=600');
    expect(head.StorageClass).toBe('STANDARD_IA');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('s3-properties-dark');
    await props.getByRole('button', { name: 'Close' }).click();
    await app.screenshot('s3-long-list-dark');
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('S3: a folder delete counts what goes and asks once; F2 renames', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-delete');
  await createBucketWith(s3, bucket, { 'keep.txt': 'keep', 'old/': '' });
  for (let i = 0; i < 1200; i += 50) {
    await Promise.all(
      Array.from({ length: 50 }, (_, j) => i + j).map((n) =>
        s3.send(new PutObjectCommand({ Bucket: bucket, Key: `old/${n % 3 === 0 ? 'sub/' : ''}k${n}.bin`, Body: Buffer.from('12345') })),
      ),
    );
  }
  try {
    await connectLocalS3(app);
    await row(page, `/${bucket}/`).dblclick();
    await row(page, `/${bucket}/old/`).click();
    await page.keyboard.press('Delete');
    const confirm = page.getByRole('alertdialog', { name: 'Delete?' });
    await expect(confirm).toContainText('“old” will be deleted: 1,200 files in 2 folders, 6.0 KB');
    await app.screenshot('s3-delete-confirm');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByText('Deleted 1,201 objects.')).toBeVisible({ timeout: 30_000 });
    await expect(row(page, `/${bucket}/old/`)).toHaveCount(0);
    const left = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    expect((left.Contents ?? []).map((o) => o.Key)).toEqual(['keep.txt']);

    await row(page, `/${bucket}/keep.txt`).click();
    await page.keyboard.press('F2');
    // Renamed in its row: the name up to the extension is selected, so typing replaces just that.
    await page.keyboard.type('kept');
    await page.keyboard.press('Enter');
    await expect(row(page, `/${bucket}/kept.txt`)).toBeVisible();
    await expect(row(page, `/${bucket}/keep.txt`)).toHaveCount(0);
  } finally {
    await removeBucket(s3, bucket);
  }
});

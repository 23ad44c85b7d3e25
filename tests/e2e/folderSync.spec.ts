import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { connectLocalS3, connectLocalS3Spanish, row } from './actions.js';
import { expect, test, type StowageApp } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

async function shoot(app: StowageApp, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await app.page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
    await app.screenshot(`${name}-${scheme}`);
  }
  await app.page.emulateMedia({ colorScheme: 'light' });
}

/** A local folder with three files to sync, one in a subfolder, and one the default excludes leave out. */
async function siteFolder(app: StowageApp): Promise<string> {
  const local = join(app.workDir, 'site');
  await mkdir(join(local, 'css'), { recursive: true });
  await writeFile(join(local, 'index.html'), '<h1>hello</h1>');
  await writeFile(join(local, 'about.html'), '<h1>about us</h1>');
  await writeFile(join(local, 'css', 'site.css'), 'body { margin: 0 }');
  await writeFile(join(local, '.DS_Store'), 'finder junk');
  return local;
}

test('folder sync by checksum: a file changed in place (same size, older time) is found, equal files are skipped', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-sums');
  await createBucketWith(s3, bucket, { 'site/index.html': '<h1>HELLO</h1>', 'site/about.html': '<h1>about us</h1>', 'site/css/site.css': 'body { margin: 0 }' });
  try {
    const local = await siteFolder(app);
    // Older than the objects: by time alone nothing would move.
    const past = new Date(Date.now() - 3_600_000);
    for (const name of ['index.html', 'about.html', join('css', 'site.css')]) await utimes(join(local, name), past, past);
    await connectLocalS3(app);
    await expect(row(page, `/${bucket}/`)).toBeVisible();
    await page.getByRole('button', { name: 'New folder sync…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Folder sync' });
    await dialog.getByLabel('Local folder').fill(local);
    await dialog.getByLabel('Remote folder').fill(`/${bucket}/site/`);
    await dialog.getByRole('button', { name: 'Compare' }).click();
    await expect(dialog.getByText('Everything is up to date: nothing to do.')).toBeVisible();
    await dialog.getByLabel('Compare by checksum').check();
    await dialog.getByRole('button', { name: 'Compare' }).click();
    const preview = dialog.getByRole('table', { name: 'Planned actions' });
    const planned = (path: string) => preview.locator(`[data-sync-path="${path}"]`);
    await expect(planned('index.html')).toContainText('Checksum differs');
    await dialog.getByRole('combobox', { name: 'Show' }).selectOption('all');
    await expect(planned('about.html')).toContainText('Same checksum');
    await shoot(app, 'folder-sync-checksum');
    await dialog.getByRole('button', { name: 'Sync 1 file' }).click();
    await expect
      .poll(async () => (await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'site/index.html' }))).Body!.transformToString()))
      .toBe('<h1>hello</h1>');
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('folder sync: preview every action, untick one, run, and see the pair in the sidebar', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-sync');
  await createBucketWith(s3, bucket, { 'site/old.txt': 'only on the server' });
  try {
    const local = await siteFolder(app);
    await connectLocalS3(app);
    await expect(row(page, `/${bucket}/`)).toBeVisible();

    await page.getByRole('button', { name: 'New folder sync…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Folder sync' });
    await dialog.getByLabel('Name', { exact: true }).fill('Web site');
    await dialog.getByLabel('Local folder').fill(local);
    await dialog.getByLabel('Remote folder').fill(`/${bucket}/site/`);
    await dialog.getByLabel('Mirror: also delete files that are only on the destination').check();
    await dialog.getByLabel('Save this sync in the sidebar').check();
    await dialog.getByRole('button', { name: 'Compare' }).click();

    const preview = dialog.getByRole('table', { name: 'Planned actions' });
    const planned = (path: string) => preview.locator(`[data-sync-path="${path}"]`);
    await expect(planned('index.html')).toContainText('Upload');
    await expect(planned('index.html')).toContainText('Not on the destination');
    await expect(planned('css/site.css')).toContainText('Upload');
    await expect(planned('old.txt')).toContainText('Delete');
    await expect(planned('old.txt')).toContainText('Only on the destination');
    await expect(planned('.DS_Store')).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: 'Sync 4 files' })).toBeEnabled();

    // Untick one upload and the delete: two files go.
    await dialog.getByRole('checkbox', { name: 'Include about.html' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Include old.txt' }).uncheck();
    // The filter narrows the list without changing what runs.
    await dialog.getByRole('searchbox', { name: 'Filter by path' }).fill('css');
    await expect(planned('index.html')).toHaveCount(0);
    await expect(planned('css/site.css')).toBeVisible();
    await dialog.getByRole('searchbox', { name: 'Filter by path' }).fill('');
    await expect(dialog.getByRole('button', { name: 'Sync 2 files' })).toBeEnabled();
    await shoot(app, 'folder-sync-preview');

    await dialog.getByRole('button', { name: 'Sync 2 files' }).click();
    await expect(page.getByText('Sync started: 2 files in the transfer queue.')).toBeVisible();
    await expect(dialog).toHaveCount(0);
    await expect
      .poll(async () => ((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key).sort())
      .toEqual(['site/css/site.css', 'site/index.html', 'site/old.txt']);

    // The saved pair: when it ran and what it changed; one click opens its preview again.
    const pair = page.getByRole('navigation', { name: 'Folder syncs' }).getByRole('button', { name: /Web site/ });
    await expect(pair).toContainText('2 files copied');
    await shoot(app, 'folder-sync-sidebar');
    await pair.click();
    const again = page.getByRole('dialog', { name: 'Folder sync' });
    await expect(again.locator('[data-sync-path="about.html"]')).toContainText('Upload');
    await expect(again.locator('[data-sync-path="old.txt"]')).toContainText('Delete');
    await expect(again.locator('[data-sync-path="index.html"]')).toHaveCount(0); // unchanged: only in "Everything"
    await again.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Everything' });
    await expect(again.locator('[data-sync-path="index.html"]')).toContainText('Same size, destination not older');

    // Deletes are confirmed with their count before anything runs.
    await again.getByRole('button', { name: 'Sync 2 files' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete files?' });
    await expect(confirm).toContainText('This sync deletes 1 file from the destination that is not in the source.');
    await confirm.getByRole('button', { name: 'Delete 1 file and sync' }).click();
    await expect
      .poll(async () => ((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key).sort())
      .toEqual(['site/about.html', 'site/css/site.css', 'site/index.html']);
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('folder sync between two places on the server: another connection’s folder in place of the local one', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-sync-peer');
  await createBucketWith(s3, bucket, { 'from/a.txt': 'alpha', 'from/deep/b.txt': 'bravo bravo' });
  try {
    await connectLocalS3(app);
    await expect(row(page, `/${bucket}/`)).toBeVisible();
    await page.getByRole('button', { name: 'New folder sync…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Folder sync' });
    await dialog.getByLabel('Sync with').selectOption({ label: 'A folder on Local Ceph' });
    await expect(dialog.getByLabel('Local folder')).toHaveCount(0);
    await dialog.getByLabel('Its folder').fill(`/${bucket}/from/`);
    await dialog.getByLabel('Remote folder').fill(`/${bucket}/to/`);
    await expect(dialog.getByLabel('Direction')).toHaveValue('upload');
    await dialog.getByRole('button', { name: 'Compare' }).click();
    await expect(dialog.locator('[data-sync-path="deep/b.txt"]')).toContainText('Upload');
    await shoot(app, 'folder-sync-peer');
    await dialog.getByRole('button', { name: 'Sync 2 files' }).click();
    await expect(page.getByText('Sync started: 2 files in the transfer queue.')).toBeVisible();
    await expect
      .poll(async () => ((await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'to/' }))).Contents ?? []).map((o) => o.Key).sort())
      .toEqual(['to/a.txt', 'to/deep/b.txt']);
  } finally {
    await removeBucket(s3, bucket);
  }
});

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' });

  test('folder sync: the preview in Spanish, light and dark', async ({ app }) => {
    const { page, servers } = app;
    const s3 = testS3Client(servers);
    const bucket = uniqueBucketName('e2e-sync-es');
    await createBucketWith(s3, bucket, { 'site/old.txt': 'solo en el servidor' });
    try {
      const local = await siteFolder(app);
      await connectLocalS3Spanish(app);
      await expect(row(page, `/${bucket}/`)).toBeVisible();
      await page.getByRole('button', { name: 'Nueva sincronización de carpetas…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Sincronización de carpetas' });
      await dialog.getByLabel('Carpeta local').fill(local);
      await dialog.getByLabel('Carpeta remota').fill(`/${bucket}/site/`);
      await dialog.getByLabel('Espejo: elimina también los archivos que solo están en el destino').check();
      await dialog.getByRole('button', { name: 'Comparar' }).click();
      await expect(dialog.locator('[data-sync-path="old.txt"]')).toContainText('Solo está en el destino');
      await expect(dialog.getByRole('button', { name: 'Sincronizar 4 archivos' })).toBeEnabled();
      await shoot(app, 'folder-sync-preview-es');
    } finally {
      await removeBucket(s3, bucket);
    }
  });
});

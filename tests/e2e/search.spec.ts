/**
 * Search (issue 25) in the window: Ctrl+F, "Subfolders", typing streams results from the
 * whole tree, case and glob, the results' menu (show in folder, copy path), Escape.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { connectLocalS3, connectLocalS3Spanish, connectSftp, files, row } from './actions.js';
import { expect, screenshotDir, test, type StowageApp } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

const results = (page: import('@playwright/test').Page) => page.getByRole('grid', { name: /^(Search results|Resultados de la búsqueda)$/ });
const result = (page: import('@playwright/test').Page, path: string) => results(page).locator(`[role="row"][data-path="${path}"]`);

/** Opens `root` on the test sshd (trusting its key once) and searches below it for `text`; answers the search box. */
async function searchSftpFolder(app: StowageApp, root: string, text: string) {
  const { page, servers } = app;
  await connectSftp(page, { name: 'Test server', host: servers.sftp.host, port: servers.sftp.port, user: servers.sftp.username, password: servers.sftp.password });
  await page.getByRole('dialog', { name: 'Unknown host' }).getByRole('button', { name: 'Trust once' }).click();
  await row(page, root).dblclick();
  await page.keyboard.press('Control+f');
  await page.getByRole('button', { name: 'Subfolders' }).click();
  const box = page.getByRole('searchbox', { name: 'Search subfolders' });
  await box.fill(text);
  return box;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`S3: searches a bucket's whole tree as you type, by substring, case and glob (${scheme})`, async ({ app }) => {
    const { page, servers } = app;
    await page.emulateMedia({ colorScheme: scheme });
    const s3 = testS3Client(servers);
    const bucket = uniqueBucketName(`e2e-search-${scheme}`);
    const objects: Record<string, string> = {
      'docs/Report-2024.pdf': 'x'.repeat(2048),
      'docs/deep/report-old.txt': 'old',
      'docs/reports/': '',
      'photos/cat.jpg': 'c'.repeat(5000),
      'photos/2023/dog.JPG': 'd',
      'top-report.csv': '1,2',
    };
    for (let i = 0; i < 20; i++) objects[`logs/app-${i}.log`] = `line ${i}`;
    await createBucketWith(s3, bucket, objects);
    try {
      await connectLocalS3(app);
      await row(page, `/${bucket}/`).dblclick();
      await expect(row(page, `/${bucket}/docs/`)).toBeVisible();

      await page.keyboard.press('Control+f');
      await expect(page.getByRole('searchbox', { name: 'Filter' })).toBeFocused();
      await page.getByRole('button', { name: 'Subfolders' }).click();
      const box = page.getByRole('searchbox', { name: 'Search subfolders' });
      await expect(box).toBeFocused();
      await box.fill('report');
      await expect(result(page, `/${bucket}/docs/Report-2024.pdf`)).toBeVisible();
      await expect(result(page, `/${bucket}/docs/deep/report-old.txt`)).toBeVisible();
      await expect(result(page, `/${bucket}/docs/reports/`)).toBeVisible();
      await expect(result(page, `/${bucket}/top-report.csv`)).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: '4 found in 26 names. 1 listing request.' })).toBeVisible();
      // Rows are named by their path below the folder searched, with size, date and class.
      const pdf = result(page, `/${bucket}/docs/Report-2024.pdf`);
      await expect(pdf).toContainText('docs/Report-2024.pdf');
      await expect(pdf).toContainText('2');
      await expect(pdf).toContainText('Standard');
      await result(page, `/${bucket}/docs/deep/report-old.txt`).click();
      await app.screenshot(`search-s3-${scheme}`);
      // The field up close: its toggles are small.
      await page.locator('.search-box').screenshot({ path: `${screenshotDir}/search-box-${scheme}.png` });

      await page.getByRole('button', { name: 'Match case' }).click();
      await box.fill('Report');
      await expect(result(page, `/${bucket}/docs/Report-2024.pdf`)).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: '1 found in' })).toBeVisible();
      await expect(results(page).locator('[role="row"][data-path]')).toHaveCount(1);
      await page.getByRole('button', { name: 'Match case' }).click();

      await box.fill('*.jpg');
      await expect(result(page, `/${bucket}/photos/2023/dog.JPG`)).toBeVisible();
      await expect(result(page, `/${bucket}/photos/cat.jpg`)).toBeVisible();
      await expect(results(page).locator('[role="row"][data-path]')).toHaveCount(2);

      await result(page, `/${bucket}/photos/2023/dog.JPG`).click({ button: 'right' });
      const menu = page.getByRole('menu', { name: 'Search result actions' });
      await expect(menu.getByRole('menuitem', { name: 'Download…' })).toBeVisible();
      await app.screenshot(`search-s3-menu-${scheme}`);
      await menu.getByRole('menuitem', { name: 'Copy path' }).click();
      // The copy goes to the host over IPC after the click: wait for it to arrive.
      await expect.poll(() => app.headless.copied).toEqual([`/${bucket}/photos/2023/dog.JPG`]);

      // Keyboard: Enter on a file shows it selected in its folder, and the search ends.
      await results(page).focus();
      await page.keyboard.press('End');
      await page.keyboard.press('Home');
      await page.keyboard.press('Enter');
      await expect(row(page, `/${bucket}/photos/2023/dog.JPG`)).toHaveAttribute('aria-selected', 'true');
      await expect(page.locator('.pathbar')).toContainText('2023');
      await expect(results(page)).toHaveCount(0);

      // Escape in the box clears the search and gives back the folder's rows.
      await page.keyboard.press('Control+f');
      await page.getByRole('searchbox', { name: 'Search subfolders' }).fill('dog');
      await expect(results(page)).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(results(page)).toHaveCount(0);
      await expect(files(page)).toBeVisible();
      // So does Escape in the results, and the keyboard lands in the folder's list.
      await page.keyboard.press('Control+f');
      await page.getByRole('searchbox', { name: 'Search subfolders' }).fill('dog');
      await expect(result(page, `/${bucket}/photos/2023/dog.JPG`)).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await expect(results(page)).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(results(page)).toHaveCount(0);
      await expect(files(page)).toBeFocused();
    } finally {
      await removeBucket(s3, bucket);
    }
  });
}

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' });
  test('S3 search: the status line and toggles fit', async ({ app }) => {
    const { page, servers } = app;
    const s3 = testS3Client(servers);
    const bucket = uniqueBucketName('e2e-search-es');
    await createBucketWith(s3, bucket, { 'fotos/playa.jpg': 'p', 'fotos/2024/playa-2.jpg': 'pp', 'notas.txt': 'n' });
    try {
      await connectLocalS3Spanish(app);
      await row(page, `/${bucket}/`).dblclick();
      await page.keyboard.press('Control+f');
      await page.getByRole('button', { name: 'Subcarpetas' }).click();
      await page.getByRole('searchbox', { name: 'Buscar en subcarpetas' }).fill('playa');
      await expect(result(page, `/${bucket}/fotos/2024/playa-2.jpg`)).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: '2 resultados en 3 nombres. 1 solicitud de listado.' })).toBeVisible();
      await app.screenshot('search-s3-es');
    } finally {
      await removeBucket(s3, bucket);
    }
  });
});

test('SFTP: searches a folder tree, opens a found folder', async ({ app }) => {
  const { page, servers } = app;
  const root = join(servers.sftp.home, `e2e-search-${Date.now().toString(36)}`);
  for (const f of ['a/alpha.txt', 'a/b/ALPHA-2.md', 'c/beta.txt']) {
    await mkdir(join(root, f, '..'), { recursive: true });
    await writeFile(join(root, f), f);
  }
  await mkdir(join(root, 'c', 'alpha-folder'), { recursive: true });
  execFileSync('chown', ['-R', `${servers.sftp.username}:${servers.sftp.username}`, root]);
  try {
    await searchSftpFolder(app, root, 'alpha');
    await expect(result(page, `${root}/a/alpha.txt`)).toBeVisible();
    await expect(result(page, `${root}/a/b/ALPHA-2.md`)).toBeVisible();
    await expect(result(page, `${root}/c/alpha-folder`)).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '3 found in 7 names. 5 listing requests.' })).toBeVisible();
    await app.screenshot('search-sftp');
    await result(page, `${root}/c/alpha-folder`).dblclick();
    await expect(page.locator('.pathbar')).toContainText('alpha-folder');
    await expect(results(page)).toHaveCount(0);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('SFTP: a search of more than 100 folders asks before going on, then finishes or stops', async ({ app }) => {
  const { page, servers } = app;
  const root = join(servers.sftp.home, `e2e-search-wide-${Date.now().toString(36)}`);
  // One listing request per folder: 130 folders make 131 requests, past the budget of 100.
  for (let i = 0; i < 130; i++) await mkdir(join(root, `dir-${String(i).padStart(3, '0')}`), { recursive: true });
  await writeFile(join(root, 'dir-129', 'needle.txt'), 'n');
  execFileSync('chown', ['-R', `${servers.sftp.username}:${servers.sftp.username}`, root]);
  try {
    const box = await searchSftpFolder(app, root, 'needle');
    const paused = page.getByRole('status').filter({ hasText: 'with 100 listing requests so far. Continue?' });
    await expect(paused).toBeVisible();
    await app.screenshot('search-paused');
    await paused.getByRole('button', { name: 'Continue' }).click();
    await expect(result(page, `${root}/dir-129/needle.txt`)).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '1 found in 131 names. 131 listing requests.' })).toBeVisible();

    await box.fill('nothing-like-this');
    await expect(paused).toBeVisible();
    await paused.getByRole('button', { name: 'Stop' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Stopped after' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('100 listing requests.');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

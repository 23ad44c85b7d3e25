import { execFileSync } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { Locator, Page } from '@playwright/test';
import { connectLocalS3, connectSftp, files, row } from './actions.js';
import { expect, test, type StowageApp } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

const sizes = [
  { width: 720, height: 460 },
  { width: 900, height: 600 },
  { width: 1920, height: 1080 },
] as const;
const schemes = ['light', 'dark'] as const;

/** The element lies inside the window, all of it. */
async function expectOnScreen(page: Page, locator: Locator): Promise<void> {
  const box = (await locator.boundingBox())!;
  const view = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(view.width);
  expect(box.y + box.height).toBeLessThanOrEqual(view.height);
}

/** Nothing in the element is cut off or shortened: a hidden column (display: none) counts as fitting. */
async function expectNotClipped(locator: Locator): Promise<void> {
  const fits = await locator.evaluate((el) => getComputedStyle(el).display === 'none' || el.scrollWidth <= el.clientWidth);
  expect(fits, (await locator.textContent()) ?? "").toBe(true);
}

async function shootBoth(app: StowageApp, name: string, size: { width: number }): Promise<void> {
  for (const scheme of schemes) {
    await app.page.emulateMedia({ colorScheme: scheme });
    // Chromium does not restyle every light-dark() value (buttons) when only the emulated media
    // changes on a live page; pinning the root's scheme too makes the picture what a user sees.
    await app.page.evaluate((s) => (document.documentElement.style.colorScheme = s), scheme);
    await app.screenshot(`${name}-${size.width}-${scheme}`);
  }
  await app.page.emulateMedia({ colorScheme: 'light' });
  await app.page.evaluate(() => (document.documentElement.style.colorScheme = ''));
}

for (const size of sizes) {
  test(`works at ${size.width}×${size.height}: S3 and SFTP browsers, menus and dialogs, light and dark`, async ({ app }) => {
    const { page, servers } = app;
    await page.setViewportSize(size);
    await shootBoth(app, 'first-screen', size);

    const s3 = testS3Client(servers);
    const bucket = uniqueBucketName(`sizes${size.width}`);
    await createBucketWith(s3, bucket, {
      'A rather long folder name for quarterly reports/': '',
      'notes.md': '# notes',
      'photo-2026-12-07-holiday-in-the-mountains-with-the-family.jpg': 'x'.repeat(5000),
    });
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'infrequent.bin', Body: 'ia', StorageClass: 'STANDARD_IA' }));
    const sftpRoot = join(servers.sftp.home, `sizes-${size.width}-${Date.now().toString(36)}`);
    try {
      await connectLocalS3(app);
      await row(page, `/${bucket}/`).dblclick();
      await expect(row(page, `/${bucket}/notes.md`)).toBeVisible();
      await row(page, `/${bucket}/notes.md`).click();
      // The toolbar fits: the filter is on screen, nothing wraps onto a second line.
      await expectOnScreen(page, page.getByRole('searchbox', { name: 'Filter' }));
      const toolbar = page.getByRole('toolbar', { name: 'Browser' });
      expect((await toolbar.boundingBox())!.height).toBeLessThan(48);
      for (const button of await toolbar.getByRole('button').all()) {
        if (await button.isVisible()) expect((await button.boundingBox())!.height).toBeLessThan(34);
      }
      if (size.width < 1000) {
        // Whatever did not fit is one click away, under "More…".
        await toolbar.getByRole('button', { name: 'More…' }).click();
        await expect(page.getByRole('menu', { name: 'More actions' }).getByRole('menuitem', { name: 'Bucket settings' })).toBeVisible();
        await shootBoth(app, 'toolbar-more', size);
        // Its items work the hidden controls: here the storage class filter.
        await page.getByRole('menu', { name: 'More actions' }).getByRole('menuitem', { name: 'Standard-IA' }).click();
        await expect(row(page, `/${bucket}/notes.md`)).toHaveCount(0);
        await expect(row(page, `/${bucket}/infrequent.bin`)).toBeVisible();
        await toolbar.getByRole('button', { name: 'More…' }).click();
        await page.getByRole('menu', { name: 'More actions' }).getByRole('menuitem', { name: 'All classes' }).click();
        await row(page, `/${bucket}/notes.md`).click();
      }
      for (const cell of await files(page).locator('.cell-class, .cell-modified, .cell-size').all()) await expectNotClipped(cell);
      await shootBoth(app, 's3-browser', size);

      await row(page, `/${bucket}/notes.md`).click({ button: 'right' });
      await expect(page.getByRole('menu', { name: 'File actions' })).toBeVisible();
      await expectOnScreen(page, page.getByRole('menu', { name: 'File actions' }));
      await shootBoth(app, 'context-menu', size);
      await page.keyboard.press('Escape');

      await files(page).click({ button: 'right', position: { x: 200, y: (await files(page).boundingBox())!.height - 20 } });
      const empty = page.getByRole('menu', { name: 'File actions' });
      const disabledDelete = empty.getByRole('menuitem', { name: 'Delete…' });
      await expect(disabledDelete).toHaveAttribute('aria-disabled', 'true');
      // A disabled danger item is grey like the other disabled items, not red.
      const colours = await empty.evaluate((menu) => {
        const items = [...menu.querySelectorAll('[role="menuitem"][aria-disabled="true"]')];
        const del = items.find((i) => i.textContent?.includes('Delete'))!;
        const other = items.find((i) => !i.textContent?.includes('Delete'))!;
        return [getComputedStyle(del).color, getComputedStyle(other).color];
      });
      expect(colours[0]).toBe(colours[1]);
      await page.keyboard.press('Escape');

      await page.keyboard.press('Control+Shift+N');
      const newFolder = page.getByRole('dialog', { name: 'New folder' });
      await expect(newFolder).toBeVisible();
      await expectOnScreen(page, newFolder);
      await shootBoth(app, 'dialog', size);
      await page.keyboard.press('Escape');
      await expect(files(page)).toBeFocused();

      // SFTP, with symbolic links whose targets are long.
      await mkdir(join(sftpRoot, 'releases', '2026-12-07-build-4711-with-a-long-name'), { recursive: true });
      await writeFile(join(sftpRoot, 'README.md'), '# hello');
      await symlink(join(sftpRoot, 'releases', '2026-12-07-build-4711-with-a-long-name'), join(sftpRoot, 'current'));
      await symlink(join(sftpRoot, 'README.md'), join(sftpRoot, 'readme-link.md'));
      await symlink('nowhere/at/all', join(sftpRoot, 'broken-link'));
      execFileSync('chown', ['-hR', `${servers.sftp.username}:${servers.sftp.username}`, sftpRoot]);
      await connectSftp(page, { name: 'Test server', host: servers.sftp.host, port: servers.sftp.port, user: servers.sftp.username, password: servers.sftp.password });
      await page.getByRole('dialog', { name: 'Unknown host' }).getByRole('button', { name: 'Trust once' }).click();
      await expect(files(page)).toBeVisible();
      await page.keyboard.press('Control+L');
      await page.getByRole('textbox', { name: 'Path' }).fill(sftpRoot);
      await page.keyboard.press('Enter');
      const link = row(page, `${sftpRoot}/current`);
      await expect(link).toBeVisible();
      // The link's own name shows, then its target (shortened if need be).
      const name = link.locator('.name-text');
      await expect(name).toHaveText('current');
      expect((await name.boundingBox())!.width).toBeGreaterThan(30);
      await expect(link.locator('.link-target')).toContainText('2026-12-07-build');
      for (const cell of await files(page).locator('.cell-owner, .cell-permissions, .cell-modified').all()) await expectNotClipped(cell);
      await expectOnScreen(page, files(page).locator('.grid-head .cell:visible').last());
      await shootBoth(app, 'sftp-browser', size);
    } finally {
      await removeBucket(s3, bucket);
      await rm(sftpRoot, { recursive: true, force: true });
    }
  });
}

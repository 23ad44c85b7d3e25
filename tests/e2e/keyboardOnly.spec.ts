import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { files, row, waitForTransfer } from './actions.js';
import { expect, test } from './fixtures.js';

/** What a screen reader would call the element with the keyboard: aria-label, its label, or its text. */
function activeName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const aria = el.getAttribute('aria-label');
    if (aria) return aria;
    const label = (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)) || el.closest('label');
    return (label ?? el).textContent?.trim() ?? '';
  });
}

/** Presses Tab (or `key`) until the element named `name` has the keyboard. */
async function tabTo(page: Page, name: string | RegExp, key = 'Tab', max = 40): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await activeName(page);
    if (typeof name === 'string' ? now === name : name.test(now)) return;
    seen.push(now);
  }
  throw new Error(`${key} never reached “${name}”; it went through: ${seen.join(' | ')}`);
}

test('keyboard only: connect, browse, rename, delete, download and upload without a single click', async ({ app }) => {
  const { page, servers } = app;
  const root = join(servers.sftp.home, `keyboard-${Date.now().toString(36)}`);
  await mkdir(join(root, 'site'), { recursive: true });
  await writeFile(join(root, 'site', 'index.html'), '<h1>hi</h1>');
  await writeFile(join(root, 'report.txt'), 'quarterly numbers');
  await writeFile(join(root, 'old.log'), 'old');
  execFileSync('chown', ['-R', `${servers.sftp.username}:${servers.sftp.username}`, root]);
  const downloads = join(app.workDir, 'downloads');
  await mkdir(downloads);
  const upload = join(app.workDir, 'from-keyboard.txt');
  await writeFile(upload, 'typed, not clicked');
  try {
    // Connect: the form, filled field by field with Tab.
    await tabTo(page, 'New connection');
    await page.keyboard.press('Enter');
    const form = page.getByRole('dialog', { name: 'New connection' });
    await expect(form).toBeVisible();
    await tabTo(page, /^(S3|SFTP)$/, 'Shift+Tab');
    if ((await activeName(page)) === 'S3') await page.keyboard.press('ArrowRight');
    await expect(form.getByRole('radio', { name: 'SFTP' })).toBeChecked();
    await tabTo(page, 'Name');
    await page.keyboard.type('Keyboard server');
    await tabTo(page, 'Host');
    await page.keyboard.type(servers.sftp.host);
    await tabTo(page, 'Port');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(servers.sftp.port));
    await tabTo(page, 'User');
    await page.keyboard.type(servers.sftp.username);
    await tabTo(page, 'Authentication');
    const auth = form.getByLabel('Authentication');
    for (let i = 0; i < 5 && (await auth.inputValue()) !== 'password'; i++) await page.keyboard.press('ArrowUp');
    await expect(auth).toHaveValue('password');
    await tabTo(page, 'Password');
    await page.keyboard.type(servers.sftp.password);
    await tabTo(page, 'Save & Connect');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Unknown host' })).toBeVisible();
    await tabTo(page, 'Trust once');
    await page.keyboard.press('Enter');
    await expect(files(page)).toBeFocused();

    // Browse: type a path, open a folder by type-ahead and Enter, come back up with Backspace.
    await page.keyboard.press('Control+L');
    await page.keyboard.type(root);
    await page.keyboard.press('Enter');
    await expect(row(page, `${root}/site`)).toBeVisible();
    await expect(files(page)).toBeFocused();
    await page.keyboard.type('si');
    await expect(row(page, `${root}/site`)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(row(page, `${root}/site/index.html`)).toBeVisible();
    await page.keyboard.press('Backspace');
    await expect(row(page, `${root}/site`)).toHaveAttribute('aria-selected', 'true');

    // Rename in the row.
    await page.keyboard.type('rep');
    await expect(row(page, `${root}/report.txt`)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('F2');
    await page.keyboard.type('summary');
    await page.keyboard.press('Enter');
    await expect(row(page, `${root}/summary.txt`)).toHaveAttribute('aria-selected', 'true');
    expect(await readFile(join(root, 'summary.txt'), 'utf8')).toBe('quarterly numbers');
    await expect(files(page)).toBeFocused();

    // Delete: the question starts on Cancel; Tab reaches Delete.
    await page.keyboard.type('ol');
    await expect(row(page, `${root}/old.log`)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Delete');
    await expect(page.getByRole('alertdialog', { name: 'Delete?' })).toBeVisible();
    await tabTo(page, 'Delete');
    await page.keyboard.press('Enter');
    await expect(row(page, `${root}/old.log`)).toHaveCount(0);
    expect(await readdir(root)).not.toContain('old.log');
    await expect(files(page)).toBeFocused();

    // Download the renamed file (the folder question is answered as the OS dialog would).
    app.headless.folderAnswers.push(downloads);
    await page.keyboard.type('sum');
    await expect(row(page, `${root}/summary.txt`)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Control+Shift+D');
    await expect.poll(() => readFile(join(downloads, 'summary.txt'), 'utf8').catch(() => 'missing'), { timeout: 30_000 }).toBe('quarterly numbers');

    // Upload: back to the toolbar with Shift+Tab, Upload… opens its menu, Enter picks files.
    await files(page).focus();
    await tabTo(page, 'Upload…', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu', { name: 'Upload' })).toBeVisible();
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(upload);
    await waitForTransfer(page, 'from-keyboard.txt');
    expect(await readFile(join(root, 'from-keyboard.txt'), 'utf8')).toBe('typed, not clicked');
    await expect(row(page, `${root}/from-keyboard.txt`)).toBeVisible();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

import { execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { Page } from '@playwright/test';
import { coreClient } from '../support/coreClient.js';
import { createBucketWith, removeBucket, rgwDraft, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { waitForTransfer } from './actions.js';
import { bothThemes, sftpScene } from './browserScenes.js';
import { expect, test, type StowageApp } from './fixtures.js';

const pane = (page: Page, index: 0 | 1) => page.locator(`[data-pane="${index}"]`);
const grid = (page: Page, index: 0 | 1) => pane(page, index).getByRole('grid', { name: 'Files' });
const paneRow = (page: Page, index: 0 | 1, path: string) => grid(page, index).locator(`[role="row"][data-path="${path}"]`);
const toggle = (page: Page) => page.getByRole('button', { name: 'Split view' });

/** Types a path into a pane's path bar (Ctrl+L in that pane) and waits for `firstRow` there (or, without one, for the folder's name in its path bar). */
async function goToIn(page: Page, index: 0 | 1, path: string, firstRow?: string): Promise<void> {
  await grid(page, index).focus();
  await page.keyboard.press('Control+l');
  await pane(page, index).locator('.pathbar-edit input').fill(path);
  await page.keyboard.press('Enter');
  if (firstRow) await expect(paneRow(page, index, firstRow)).toBeVisible();
  else await expect(pane(page, index).locator('.pathbar')).toContainText(path.slice(path.lastIndexOf('/') + 1));
}

/** A bucket with one file and a saved (not yet open) connection to it. */
async function s3Place(app: StowageApp, prefix: string) {
  const s3 = testS3Client(app.servers);
  const bucket = uniqueBucketName(prefix);
  await createBucketWith(s3, bucket, { 'remote.txt': 'from the bucket', 'away.txt': 'moves away' });
  const { id } = await coreClient(app.headless.core)('connections:save', { draft: rgwDraft(app.servers, 'Ceph') });
  await expect(app.page.locator(`.conn-item[data-connection-id="${id}"]`)).toBeVisible();
  return { s3, bucket, id, cleanup: () => removeBucket(s3, bucket) };
}

/** Split view on: the saved connection on the left (connected, in its bucket), this computer on the right in `folder`. */
async function splitWithBucketAndFolder(app: StowageApp, id: string, bucket: string, folder: string, firstLocalRow: string): Promise<void> {
  const { page } = app;
  await toggle(page).click();
  await expect(pane(page, 1).getByLabel('What the right pane shows')).toHaveValue('local-2');
  const item = page.locator(`.conn-item[data-connection-id="${id}"]`);
  await item.click();
  await item.press('Enter');
  await expect(paneRow(page, 0, `/${bucket}/`)).toBeVisible();
  await paneRow(page, 0, `/${bucket}/`).dblclick();
  await expect(paneRow(page, 0, `/${bucket}/remote.txt`)).toBeVisible();
  await goToIn(page, 1, folder, firstLocalRow);
}

test('split view: the toggle and each pane\'s place are remembered after a reload; Ctrl+\\ turns it off', async ({ app }) => {
  const { page } = app;
  const place = await s3Place(app, 'e2e-split');
  try {
    await expect(pane(page, 0)).toHaveCount(0);
    await toggle(page).click();
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(pane(page, 0).getByLabel('What the left pane shows')).toHaveValue(place.id);
    await expect(pane(page, 1).getByLabel('What the right pane shows')).toHaveValue('local-2');
    // The local pane opens at the home folder; a connection one pane shows is not offered to the other.
    await expect(pane(page, 1).locator('.pathbar')).toContainText('This computer');
    await expect(pane(page, 1).getByRole('option', { name: 'Ceph' })).toBeDisabled();
    await expect(pane(page, 0).getByRole('option', { name: 'This computer' })).toBeEnabled();

    await page.reload();
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(pane(page, 0).getByLabel('What the left pane shows')).toHaveValue(place.id);
    await expect(pane(page, 1).getByLabel('What the right pane shows')).toHaveValue('local-2');
    await expect(grid(page, 1)).toBeVisible();

    await grid(page, 1).focus();
    await page.keyboard.press('Control+\\');
    await expect(pane(page, 0)).toHaveCount(0);
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
    await page.reload();
    await expect(page.locator('.sidebar-header button').first()).toBeVisible();
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
    await expect(pane(page, 0)).toHaveCount(0);
  } finally {
    await place.cleanup();
  }
});

test('split view: a local pane lists a folder with hidden files and links; Tab switches panes', async ({ app }) => {
  const { page } = app;
  const place = await s3Place(app, 'e2e-tab');
  const folder = join(app.workDir, 'local pane');
  await mkdir(join(folder, 'sub folder'), { recursive: true });
  await writeFile(join(folder, 'notes.txt'), 'notes');
  await writeFile(join(folder, '.hidden'), 'h');
  await symlink('notes.txt', join(folder, 'link to notes'));
  try {
    await splitWithBucketAndFolder(app, place.id, place.bucket, folder, `${folder}/notes.txt`);
    await expect(paneRow(page, 1, `${folder}/sub folder`)).toBeVisible();
    await expect(paneRow(page, 1, `${folder}/.hidden`)).toBeVisible();
    await expect(paneRow(page, 1, `${folder}/link to notes`)).toContainText('→ notes.txt');
    await expect(pane(page, 1)).toHaveClass(/active/);

    // Backspace goes up in the pane with the keyboard only.
    await paneRow(page, 1, `${folder}/sub folder`).dblclick();
    await expect(pane(page, 1).locator('.pathbar')).toContainText('sub folder');
    await page.keyboard.press('Backspace');
    await expect(paneRow(page, 1, `${folder}/notes.txt`)).toBeVisible();
    await expect(paneRow(page, 0, `/${place.bucket}/remote.txt`)).toBeVisible();

    await page.keyboard.press('Tab');
    await expect(pane(page, 0)).toHaveClass(/active/);
    await expect(grid(page, 0)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(pane(page, 1)).toHaveClass(/active/);
    await expect(grid(page, 1)).toBeFocused();
    await bothThemes(app, 'split-view');
  } finally {
    await place.cleanup();
  }
});

test('split view: F5 uploads from this computer into the bucket and downloads from it; F6 moves each way once the copy completed', async ({ app }) => {
  const { page } = app;
  const place = await s3Place(app, 'e2e-f5');
  const folder = join(app.workDir, 'f5');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'hello local.txt'), 'hello from disk');
  await writeFile(join(folder, 'moving.txt'), 'moving up');
  try {
    await splitWithBucketAndFolder(app, place.id, place.bucket, folder, `${folder}/hello local.txt`);

    // This computer → S3.
    await paneRow(page, 1, `${folder}/hello local.txt`).click();
    await page.keyboard.press('F5');
    await waitForTransfer(page, 'hello local.txt');
    await expect(paneRow(page, 0, `/${place.bucket}/hello local.txt`)).toBeVisible();
    const body = await place.s3.send(new GetObjectCommand({ Bucket: place.bucket, Key: 'hello local.txt' }));
    expect(await body.Body!.transformToString()).toBe('hello from disk');

    // S3 → this computer.
    await paneRow(page, 0, `/${place.bucket}/remote.txt`).click();
    await expect(pane(page, 0)).toHaveClass(/active/);
    await page.keyboard.press('F5');
    await waitForTransfer(page, 'remote.txt');
    await expect(paneRow(page, 1, `${folder}/remote.txt`)).toBeVisible();
    expect(await readFile(join(folder, 'remote.txt'), 'utf8')).toBe('from the bucket');

    // F6 of a file already there, answered Skip: nothing was copied, so nothing is deleted.
    await paneRow(page, 0, `/${place.bucket}/remote.txt`).click();
    await page.keyboard.press('F6');
    await page.getByRole('alertdialog', { name: 'Move 1 item?' }).getByRole('button', { name: 'Move' }).click();
    await page.getByRole('dialog', { name: 'The file already exists' }).getByRole('button', { name: 'Skip' }).click();
    await expect(page.getByText('1 item stayed here: its copy did not complete (failed, cancelled or skipped).')).toBeVisible();
    await expect(paneRow(page, 0, `/${place.bucket}/remote.txt`)).toBeVisible();
    const still = await place.s3.send(new GetObjectCommand({ Bucket: place.bucket, Key: 'remote.txt' }));
    expect(await still.Body!.transformToString()).toBe('from the bucket');

    // F6 S3 → this computer: asked, downloaded, then the object is deleted from the bucket.
    await paneRow(page, 0, `/${place.bucket}/away.txt`).click();
    await page.keyboard.press('F6');
    await page.getByRole('alertdialog', { name: 'Move 1 item?' }).getByRole('button', { name: 'Move' }).click();
    await waitForTransfer(page, 'away.txt');
    await expect(paneRow(page, 1, `${folder}/away.txt`)).toBeVisible();
    await expect(paneRow(page, 0, `/${place.bucket}/away.txt`)).toHaveCount(0);
    expect(await readFile(join(folder, 'away.txt'), 'utf8')).toBe('moves away');
    await expect.poll(async () => (await place.s3.send(new ListObjectsV2Command({ Bucket: place.bucket }))).Contents?.map((c) => c.Key).sort()).toEqual(['hello local.txt', 'remote.txt']);

    // F6 this computer → S3: uploaded, then the local file is deleted.
    await paneRow(page, 1, `${folder}/moving.txt`).click();
    await page.keyboard.press('F6');
    await page.getByRole('alertdialog', { name: 'Move 1 item?' }).getByRole('button', { name: 'Move' }).click();
    await waitForTransfer(page, 'moving.txt');
    await expect(paneRow(page, 0, `/${place.bucket}/moving.txt`)).toBeVisible();
    await expect(paneRow(page, 1, `${folder}/moving.txt`)).toHaveCount(0);
    await expect.poll(() => readFile(join(folder, 'moving.txt'), 'utf8').catch(() => 'gone')).toBe('gone');
    const moved = await place.s3.send(new GetObjectCommand({ Bucket: place.bucket, Key: 'moving.txt' }));
    expect(await moved.Body!.transformToString()).toBe('moving up');
  } finally {
    await place.cleanup();
  }
});

test('split view: dragging a file from the local pane onto the bucket\'s pane uploads it there', async ({ app }) => {
  const { page } = app;
  const place = await s3Place(app, 'e2e-drag');
  const folder = join(app.workDir, 'drag');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'dragged.txt'), 'dragged across');
  try {
    await splitWithBucketAndFolder(app, place.id, place.bucket, folder, `${folder}/dragged.txt`);
    await paneRow(page, 1, `${folder}/dragged.txt`).dragTo(grid(page, 0));
    await waitForTransfer(page, 'dragged.txt');
    await expect(paneRow(page, 0, `/${place.bucket}/dragged.txt`)).toBeVisible();
    const body = await place.s3.send(new GetObjectCommand({ Bucket: place.bucket, Key: 'dragged.txt' }));
    expect(await body.Body!.transformToString()).toBe('dragged across');
  } finally {
    await place.cleanup();
  }
});

test('split view: this computer in both panes; F6 asks, naming how many, then moves; F5 copies', async ({ app }) => {
  const { page } = app;
  const from = join(app.workDir, 'from here');
  const to = join(app.workDir, 'to there');
  await mkdir(join(from, 'a folder'), { recursive: true });
  await mkdir(to, { recursive: true });
  await writeFile(join(from, 'one.txt'), '1');
  await writeFile(join(from, 'a folder', 'inner.txt'), 'inner');
  await writeFile(join(from, 'kept.txt'), 'kept');
  await toggle(page).click();
  await pane(page, 0).getByLabel('What the left pane shows').selectOption({ label: 'This computer' });
  await expect(grid(page, 0)).toBeVisible();
  await goToIn(page, 0, from, `${from}/one.txt`);
  await goToIn(page, 1, to);
  await expect(grid(page, 1).locator('[role="row"][data-path]')).toHaveCount(0);

  await paneRow(page, 0, `${from}/one.txt`).click();
  await paneRow(page, 0, `${from}/a folder`).click({ modifiers: ['Control'] });
  await page.keyboard.press('F6');
  const ask = page.getByRole('alertdialog', { name: 'Move 2 items?' });
  await expect(ask).toContainText(`They are moved into ${to} in the other pane.`);
  // Cancelled: nothing moves.
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(paneRow(page, 0, `${from}/one.txt`)).toBeVisible();
  await page.keyboard.press('F6');
  await page.getByRole('alertdialog', { name: 'Move 2 items?' }).getByRole('button', { name: 'Move' }).click();
  await expect(paneRow(page, 1, `${to}/one.txt`)).toBeVisible();
  await expect(paneRow(page, 1, `${to}/a folder`)).toBeVisible();
  await expect(paneRow(page, 0, `${from}/one.txt`)).toHaveCount(0);
  expect(await readFile(join(to, 'a folder', 'inner.txt'), 'utf8')).toBe('inner');

  await paneRow(page, 0, `${from}/kept.txt`).click();
  await page.keyboard.press('F5');
  await expect(paneRow(page, 1, `${to}/kept.txt`)).toBeVisible();
  expect(await readFile(join(from, 'kept.txt'), 'utf8')).toBe('kept');
  expect(await readFile(join(to, 'kept.txt'), 'utf8')).toBe('kept');
});

test('split view: F5 between two connections copies through the core, S3 into an SFTP folder', async ({ app }) => {
  const { page } = app;
  const place = await s3Place(app, 'e2e-between');
  const sftp = await sftpScene(app);
  // The scene's folder is made by the test (root); the SFTP user writes into it.
  execFileSync('chown', ['-R', `${app.servers.sftp.username}:${app.servers.sftp.username}`, sftp.folder]);
  try {
    await toggle(page).click();
    const item = page.locator(`.conn-item[data-connection-id="${place.id}"]`);
    await item.click();
    await item.press('Enter');
    await paneRow(page, 0, `/${place.bucket}/`).dblclick();
    await expect(paneRow(page, 0, `/${place.bucket}/remote.txt`)).toBeVisible();
    await pane(page, 1).getByLabel('What the right pane shows').selectOption(sftp.connectionId);
    await expect(grid(page, 1)).toBeVisible();
    await goToIn(page, 1, sftp.folder, `${sftp.folder}/fotos`);

    await paneRow(page, 0, `/${place.bucket}/remote.txt`).click();
    await page.keyboard.press('F5');
    await waitForTransfer(page, 'remote.txt');
    await expect(paneRow(page, 1, `${sftp.folder}/remote.txt`)).toBeVisible();
    expect(await readFile(join(sftp.folder, 'remote.txt'), 'utf8')).toBe('from the bucket');
  } finally {
    await place.cleanup();
    await sftp.cleanup();
  }
});

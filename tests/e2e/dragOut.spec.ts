/**
 * Drag-out in the real renderer, through the bridge (which answers with main's own checks
 * and records what main would hand to `webContents.startDrag`): a drag of rows that are
 * not local yet stays in the page until it leaves the window, then the chip says
 * "Preparing…" and turns into "Ready to drag", whose own dragstart sends the ready paths at
 * once; rows with ready copies then drag at once too.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import type { Locator } from '@playwright/test';
import { connectLocalS3, row, sha256, waitForTransfer } from './actions.js';
import { expect, test, type StowageApp } from './fixtures.js';
import { coreClient } from '../support/coreClient.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

const MiB = 1024 * 1024;
const chip = (app: StowageApp) => app.page.locator('.dragout-chip');
const readyChip = (app: StowageApp) => app.page.getByRole('group', { name: 'Ready to drag' });

async function openBucket(app: StowageApp, bucket: string) {
  await connectLocalS3(app);
  await row(app.page, `/${bucket}/`).dblclick();
  await expect(app.page.getByRole('navigation', { name: 'Path' })).toContainText(bucket);
}

/** Dispatches dragstart as Chromium would and answers whether the page cancelled it (an OS drag took its place). */
function dragStart(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const event = new DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer: new DataTransfer() });
    el.dispatchEvent(event);
    return event.defaultPrevented;
  });
}

/** The pointer leaves the window mid-drag: a dragleave to nowhere, and no dragover after it. */
function leaveWindow(app: StowageApp): Promise<void> {
  return app.page.evaluate(() => {
    document.dispatchEvent(new DragEvent('dragleave', { bubbles: true, relatedTarget: null, clientX: -2, clientY: 300, dataTransfer: new DataTransfer() }));
  });
}

/** The drag ends where the page says: `x` < 0 is outside the window. */
function dragEnd(target: Locator, x: number): Promise<void> {
  return target.evaluate((el, clientX) => {
    el.dispatchEvent(new DragEvent('dragend', { bubbles: true, clientX, clientY: 200, dataTransfer: new DataTransfer() }));
  }, x);
}

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

test('rows dragged out of the window: "Preparing…", then a "Ready to drag" chip whose dragstart hands the ready copies to the OS drag', async ({ app }) => {
  const s3 = testS3Client(app.servers);
  const bucket = uniqueBucketName('e2e-dragout');
  const big = randomBytes(6 * MiB);
  await createBucketWith(s3, bucket, { 'a.txt': 'alpha', 'big.bin': big, 'docs/readme.md': 'read me' });
  try {
    // Slow downloads down so "Preparing…" is there to see.
    await coreClient(app.headless.core)('transfers:setSettings', { changes: { downloadLimit: 3 * MiB } });
    await openBucket(app, bucket);
    const connectionId = (await coreClient(app.headless.core)('connections:list', {}))[0]!.id;
    await row(app.page, `/${bucket}/big.bin`).click();
    await row(app.page, `/${bucket}/a.txt`).click({ modifiers: ['Control'] });

    // Not local yet: the drag stays in the page, and a drag that never leaves fetches nothing.
    expect(await dragStart(row(app.page, `/${bucket}/a.txt`))).toBe(false);
    await app.page.waitForTimeout(300);
    expect(app.bridge.dragOut.prepared).toEqual([]);
    await expect(chip(app)).toHaveCount(0);

    // It leaves the window: the selection starts downloading through the queue.
    await leaveWindow(app);
    await expect(app.page.getByRole('status', { name: 'Preparing 2 files for dragging…' })).toBeVisible();
    expect(app.bridge.dragOut.prepared).toEqual([{ connectionId, remotePaths: [`/${bucket}/a.txt`, `/${bucket}/big.bin`] }]);
    // The chip's bar follows the downloads in the transfers panel.
    await waitForTransfer(app.page, 'big.bin', 'running');
    await expect(app.page.locator('.dragout-fill:not(.unknown)')).toBeVisible();
    await app.screenshot('dragout-preparing');

    // Ready: the chip is the thing to drag. The browser preview says where that works.
    await expect(readyChip(app)).toBeVisible({ timeout: 30_000 });
    await expect(readyChip(app)).toContainText('2 files · drag this out of the window');
    await expect(readyChip(app)).toContainText('Dragging out to the desktop works in the desktop app.');
    await app.screenshot('dragout-ready-light');
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('dragout-ready-dark');
    await app.page.emulateMedia({ colorScheme: 'light' });
    await waitForTransfer(app.page, 'big.bin');
    await waitForTransfer(app.page, 'a.txt');

    // The chip's dragstart: cancelled in the page, and the ready paths go to main at once.
    expect(await dragStart(readyChip(app))).toBe(true);
    await expect.poll(() => app.bridge.dragOut.started.length).toBe(1);
    const [started] = app.bridge.dragOut.started;
    expect(started!.files).toHaveLength(2);
    expect(started!.file).toBe(started!.files[0]);
    for (const path of started!.files) expect(path.startsWith(app.bridge.dragOut.root)).toBe(true);
    expect(await readFile(started!.files[0]!, 'utf8')).toBe('alpha');
    expect(await sha256(started!.files[1]!)).toBe(sha(big));

    // The same rows are local now: their own dragstart is the OS drag, with no new download.
    expect(await dragStart(row(app.page, `/${bucket}/big.bin`))).toBe(true);
    await expect.poll(() => app.bridge.dragOut.started.length).toBe(2);
    expect(app.bridge.dragOut.started[1]!.files).toEqual(started!.files);
    expect(app.bridge.dragOut.prepared).toHaveLength(1);

    // A folder: a drag cancelled inside the window (Escape) fetches nothing; one that ends outside does.
    const docs = row(app.page, `/${bucket}/docs/`);
    expect(await dragStart(docs)).toBe(false);
    await expect(docs).toHaveAttribute('aria-selected', 'true');
    await leaveWindow(app);
    await dragEnd(docs, 200);
    await app.page.waitForTimeout(400);
    expect(app.bridge.dragOut.prepared).toHaveLength(1);
    expect(await dragStart(docs)).toBe(false);
    await dragEnd(docs, -40);
    await expect(readyChip(app)).toContainText('1 item · drag this out of the window', { timeout: 30_000 });
    expect(app.bridge.dragOut.prepared[1]).toEqual({ connectionId, remotePaths: [`/${bucket}/docs/`] });
    expect(await dragStart(readyChip(app))).toBe(true);
    await expect.poll(() => app.bridge.dragOut.started.length).toBe(3);
    const folder = app.bridge.dragOut.started[2]!.files[0]!;
    expect(await readFile(join(folder, 'readme.md'), 'utf8')).toBe('read me');

    // Dismissed, it goes.
    await readyChip(app).getByRole('button', { name: 'Dismiss' }).click();
    await expect(chip(app)).toHaveCount(0);
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('a preparation that fails says which file and why; a start with paths main did not prepare is refused', async ({ app }) => {
  const s3 = testS3Client(app.servers);
  const bucket = uniqueBucketName('e2e-dragfail');
  await createBucketWith(s3, bucket, { 'gone.txt': 'soon gone', 'kept.txt': 'kept' });
  try {
    await openBucket(app, bucket);
    // Listed, then deleted on the server behind the app's back.
    const gone = row(app.page, `/${bucket}/gone.txt`);
    await expect(gone).toBeVisible();
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'gone.txt' }));
    expect(await dragStart(gone)).toBe(false);
    await leaveWindow(app);
    const failed = app.page.getByRole('alert').filter({ hasText: 'Could not prepare the files for dragging' });
    await expect(failed).toBeVisible({ timeout: 30_000 });
    await expect(failed).toContainText('gone.txt');
    await app.screenshot('dragout-failed');

    // The page cannot make main drag a file of its choosing, nor one of a preparation's folders' insides.
    await app.page.evaluate(() => (window as unknown as { stowage: { local: { startDragOut(p: string[]): void } } }).stowage.local.startDragOut(['/etc/passwd']));
    await expect.poll(() => app.bridge.dragOut.refused.length).toBe(1);
    expect(app.bridge.dragOut.refused[0]).toMatch(/outside the drag folder/);
    expect(app.bridge.dragOut.started).toEqual([]);
  } finally {
    await removeBucket(s3, bucket);
  }
});

import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { connectLocalS3, connectSftp, row } from './actions.js';
import { expect, test, type StowageApp } from './fixtures.js';
import { startCountingTcpRelay } from '../support/countingTcpRelay.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

async function goTo(page: Page, path: string) {
  await page.getByRole('button', { name: 'Edit path' }).click();
  const input = page.getByRole('textbox', { name: 'Path' });
  await input.fill(path);
  await input.press('Enter');
}

const sidebarItem = (page: Page, name: string) => page.locator('.conn-item', { hasText: name });

async function trustHost(page: Page) {
  await page.getByRole('dialog', { name: 'Unknown host' }).getByRole('button', { name: 'Trust and save' }).click();
}

/** A folder tree in the SFTP user's home (the test server runs on this machine), readable by that user. */
async function remoteTree(app: StowageApp, files: Record<string, string>): Promise<{ root: string; remove(): Promise<void> }> {
  const root = join(app.servers.sftp.home, `e2e-reopen-${Date.now().toString(36)}`);
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    await mkdir(join(full, '..'), { recursive: true });
    await writeFile(full, text);
  }
  await chmod(root, 0o755);
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

test('a restart comes back where you left: the shown connection at its folder; one not shown connects only when shown', async ({ app }) => {
  const { page, servers } = app;
  const tree = await remoteTree(app, { 'projects/alpha/plan.txt': 'plan', 'projects/beta/notes.txt': 'notes' });
  // The connection left unshown goes through a relay that counts the connections made to the server.
  const relay = await startCountingTcpRelay(servers.sftp.host, servers.sftp.port);
  const login = { host: servers.sftp.host, user: servers.sftp.username, password: servers.sftp.password };
  try {
    await connectSftp(page, { name: 'Shown server', port: servers.sftp.port, ...login });
    await trustHost(page);
    await expect(page.getByRole('grid', { name: 'Files' })).toBeVisible();
    await goTo(page, `${tree.root}/projects/alpha`);
    await expect(row(page, `${tree.root}/projects/alpha/plan.txt`)).toBeVisible();

    await connectSftp(page, { name: 'Waiting server', port: relay.port, ...login });
    await trustHost(page);
    await goTo(page, `${tree.root}/projects`);
    await expect(row(page, `${tree.root}/projects/beta`)).toBeVisible();

    // Back to the first one: it is what the window shows when it closes.
    await sidebarItem(page, 'Shown server').click();
    await expect(row(page, `${tree.root}/projects/alpha/plan.txt`)).toBeVisible();
    // (The first connect met the unknown host key and came back once trusted.)
    const connectionsBefore = relay.accepted();
    expect(connectionsBefore).toBeGreaterThan(0);

    await page.reload();
    await expect(row(page, `${tree.root}/projects/alpha/plan.txt`)).toBeVisible();
    await expect(sidebarItem(page, 'Shown server')).toHaveAttribute('aria-current', 'true');
    await expect(sidebarItem(page, 'Shown server')).toHaveAttribute('data-link', 'connected');
    await app.screenshot('reopen-last-session');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('reopen-last-session-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    // The connection not shown waited: it did not connect.
    await page.waitForTimeout(1500);
    await expect(sidebarItem(page, 'Waiting server')).toHaveAttribute('data-link', 'idle');
    expect(relay.accepted()).toBe(connectionsBefore);

    // Shown, it connects by itself and opens where it was.
    await sidebarItem(page, 'Waiting server').click();
    await expect(row(page, `${tree.root}/projects/beta`)).toBeVisible();
    expect(relay.accepted()).toBe(connectionsBefore + 1);

    // Turned off in Settings, the next start opens as a first start does.
    await page.getByRole('button', { name: 'Settings' }).first().click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const reopen = settings.getByLabel('Reopen the connections and folders open when I quit');
    await expect(reopen).toBeChecked();
    await app.screenshot('reopen-setting');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('reopen-setting-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await reopen.uncheck();
    await settings.getByRole('button', { name: 'Cancel' }).click();
    await page.reload();
    await expect(sidebarItem(page, 'Shown server')).toBeVisible();
    await page.waitForTimeout(1000);
    await expect(page.getByRole('button', { name: 'Connect', exact: true })).toBeVisible();
    await expect(sidebarItem(page, 'Shown server')).toHaveAttribute('data-link', 'idle');
    expect(relay.accepted()).toBe(connectionsBefore + 1);
  } finally {
    await relay.close();
    await tree.remove();
  }
});

test('a connection deleted since the last run is skipped without a word', async ({ app }) => {
  const { page, servers } = app;
  const tree = await remoteTree(app, { 'kept/a.txt': 'a' });
  try {
    await connectSftp(page, { name: 'Kept server', host: servers.sftp.host, port: servers.sftp.port, user: servers.sftp.username, password: servers.sftp.password });
    await trustHost(page);
    await goTo(page, `${tree.root}/kept`);
    await expect(row(page, `${tree.root}/kept/a.txt`)).toBeVisible();
    // The saved session names one more connection, shown last, that no longer exists.
    await page.evaluate(() => {
      // Added as the window unloads, after the app has saved its own copy on the way out.
      window.addEventListener('beforeunload', () => {
        const saved = JSON.parse(localStorage.getItem('stowage.lastSession') ?? '{}') as { open: { id: string; path: string }[]; shown: string };
        saved.open.push({ id: '00000000-0000-4000-8000-00000000dead', path: '/gone' });
        saved.shown = '00000000-0000-4000-8000-00000000dead';
        localStorage.setItem('stowage.lastSession', JSON.stringify(saved));
      });
    });
    await page.reload();
    await expect(sidebarItem(page, 'Kept server')).toHaveAttribute('aria-current', 'true');
    await expect(row(page, `${tree.root}/kept/a.txt`)).toBeVisible();
    await expect(page.locator('.toast')).toHaveCount(0);
  } finally {
    await tree.remove();
  }
});

test('split view: each pane reopens where it was, this computer\'s folder too', async ({ app }) => {
  const { page, servers } = app;
  const tree = await remoteTree(app, { 'projects/alpha/plan.txt': 'plan' });
  const localFolder = join(app.workDir, 'left-here');
  await mkdir(localFolder);
  await writeFile(join(localFolder, 'local.txt'), 'local');
  const pane = (index: 0 | 1) => page.locator(`.split-pane[data-pane="${index}"]`);
  const paneRow = (index: 0 | 1, path: string) => pane(index).locator(`[role="row"][data-path="${path}"]`);
  async function goToIn(index: 0 | 1, path: string) {
    await pane(index).getByRole('button', { name: 'Edit path' }).click();
    await pane(index).getByRole('textbox', { name: 'Path' }).fill(path);
    await pane(index).getByRole('textbox', { name: 'Path' }).press('Enter');
  }
  try {
    await connectSftp(page, { name: 'Left server', host: servers.sftp.host, port: servers.sftp.port, user: servers.sftp.username, password: servers.sftp.password });
    await trustHost(page);
    await expect(page.getByRole('grid', { name: 'Files' })).toBeVisible();
    await page.getByRole('button', { name: 'Split view' }).click();
    await goToIn(0, `${tree.root}/projects/alpha`);
    await expect(paneRow(0, `${tree.root}/projects/alpha/plan.txt`)).toBeVisible();
    await goToIn(1, localFolder);
    await expect(paneRow(1, join(localFolder, 'local.txt'))).toBeVisible();

    await page.reload();
    await expect(paneRow(0, `${tree.root}/projects/alpha/plan.txt`)).toBeVisible();
    await expect(paneRow(1, join(localFolder, 'local.txt'))).toBeVisible();
    await app.screenshot('reopen-split-view');
  } finally {
    await tree.remove();
  }
});

test('a folder deleted since the last run reopens at the home folder; a missing folder typed later still says so', async ({ app }) => {
  const { page, servers } = app;
  const tree = await remoteTree(app, { 'soon-gone/a.txt': 'a' });
  try {
    await connectSftp(page, { name: 'Moved-on server', host: servers.sftp.host, port: servers.sftp.port, user: servers.sftp.username, password: servers.sftp.password });
    await trustHost(page);
    await goTo(page, `${tree.root}/soon-gone`);
    await expect(row(page, `${tree.root}/soon-gone/a.txt`)).toBeVisible();
    await rm(join(tree.root, 'soon-gone'), { recursive: true, force: true });

    await page.reload();
    // The home folder (which holds the test's tree), not an error page.
    await expect(row(page, tree.root)).toBeVisible();
    await expect(page.locator('.grid-state.error')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Back' })).toBeDisabled();
    await app.screenshot('reopen-folder-gone');

    await goTo(page, `${tree.root}/soon-gone`);
    await expect(page.locator('.grid-state.error')).toContainText('No such file or folder');
  } finally {
    await tree.remove();
  }
});

test('a bucket deleted since the last run reopens at the bucket list', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const gone = uniqueBucketName('reopen-gone');
  const kept = uniqueBucketName('reopen-kept');
  await createBucketWith(s3, gone, { 'docs/a.txt': 'a' });
  await createBucketWith(s3, kept, { 'b.txt': 'b' });
  try {
    await connectLocalS3(app);
    await row(page, `/${gone}/`).dblclick();
    await row(page, `/${gone}/docs/`).dblclick();
    await expect(row(page, `/${gone}/docs/a.txt`)).toBeVisible();
    await removeBucket(s3, gone);

    await page.reload();
    await expect(row(page, `/${kept}/`)).toBeVisible();
    await expect(row(page, `/${gone}/`)).toHaveCount(0);
    await expect(page.locator('.grid-state.error')).toHaveCount(0);
  } finally {
    await removeBucket(s3, gone);
    await removeBucket(s3, kept);
    s3.destroy();
  }
});

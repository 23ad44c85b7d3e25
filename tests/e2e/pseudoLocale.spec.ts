/**
 * The file browser and the app shell in the pseudo-locale (en-XA): every word they show comes
 * from the catalogs (accented, in ⟦…⟧) and fits its box although a third longer. User data
 * (names, paths, sizes, dates) is marked and passes.
 *
 * Checked: the welcome screen, the sidebar, the whole toolbar, the path bar, the grid (headers,
 * rows, empty and status lines), the status bar, the file context menu, a toast, the
 * Permissions dialog, the transfers panel, the settings, the bucket settings and the
 * connection form.
 */
import { files, row } from './actions.js';
import { bothThemes, goTo, openSaved, s3Scene, sftpScene } from './browserScenes.js';
import { expect, test, type StowageApp } from './fixtures.js';
import { overflowingTexts, untranslatedTexts } from './textChecks.js';

test.use({ locale: 'en-XA' });

/** The browser's own parts: not the sidebar's connection items, nor the toolbar items other areas add. */
const browserParts = [
  '.toolbar > .toolbar-group',
  '.toolbar-overflow > .toolbar-group:first-child',
  '.toolbar .filter',
  '.pathbar',
  '.grid-head',
  '.grid-body',
  '.statusbar',
].join(', ');

async function expectCatalogText(app: StowageApp, root: string) {
  expect(await untranslatedTexts(app.page, root), `untranslated in ${root}`).toEqual([]);
  expect(await overflowingTexts(app.page, root), `cut off in ${root}`).toEqual([]);
}

test('the browser and the shell in the pseudo-locale: all from the catalogs, nothing cut off', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  // The first screen: the welcome and the sidebar's header.
  await expect(page.locator('.welcome h1')).toHaveText(/^⟦.*⟧$/);
  await expectCatalogText(app, '.welcome, .sidebar-header, .sidebar-empty');

  const s3 = await s3Scene(app);
  const sftp = await sftpScene(app);
  try {
    // An S3 bucket listing, with a selection in the status bar.
    await openSaved(app, s3.connectionId);
    await expect(row(page, `/${s3.bucket}/`)).toBeVisible();
    await expectCatalogText(app, browserParts);
    await row(page, `/${s3.bucket}/`).dblclick();
    await expect(row(page, `/${s3.bucket}/notas.txt`)).toBeVisible();
    await row(page, `/${s3.bucket}/notas.txt`).click();
    await row(page, `/${s3.bucket}/informes/`).click({ modifiers: ['Control'] });
    await expect(page.locator('.statusbar')).toContainText('⟦');
    await expectCatalogText(app, browserParts);
    await bothThemes(app, 'pseudo-s3');

    // The sidebar with a live connection.
    await expectCatalogText(app, '.sidebar-nav');

    // Its context menu, and the toast of Copy path.
    await row(page, `/${s3.bucket}/notas.txt`).click({ button: 'right' });
    await expect(page.getByRole('menu')).toBeVisible();
    await expectCatalogText(app, '.menu');
    await page.getByRole('menuitem', { name: /^⟦Çópý páth/ }).click();
    await expect(page.locator('.toast')).toContainText(/^⟦Çópíéd 2 páthš/);
    await expectCatalogText(app, '.toasts');

    // An SFTP folder with links, its context menu and the Permissions dialog.
    await openSaved(app, sftp.connectionId);
    await goTo(app, sftp.folder, `${sftp.folder}/enlace-roto`);
    await expectCatalogText(app, browserParts);
    await row(page, `${sftp.folder}/léeme.txt`).click({ button: 'right' });
    await expectCatalogText(app, '.menu');
    await page.getByRole('menuitem', { name: /^⟦Pérmíššíóñš…/ }).click();
    const dialog = page.locator('dialog[open]');
    await expect(dialog).toBeVisible();
    await expectCatalogText(app, 'dialog[open]');
    await bothThemes(app, 'pseudo-chmod');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // An empty filter result: the grid's own sentence, and the filter's placeholder.
    await page.locator('.filter-input').fill('zzz-nothing');
    await expect(page.locator('.grid-state')).toContainText('zzz-nothing');
    await expectCatalogText(app, browserParts);
    await expect(files(page)).toBeVisible();
  } finally {
    await s3.cleanup();
    await sftp.cleanup();
  }
});

test('the whole window in the pseudo-locale: toolbar, transfers panel, settings, bucket settings and the connection form', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  const s3 = await s3Scene(app);
  try {
    await openSaved(app, s3.connectionId);
    await row(page, `/${s3.bucket}/`).dblclick();
    await expect(row(page, `/${s3.bucket}/notas.txt`)).toBeVisible();
    // Every toolbar item, whichever area adds it, and the transfers panel with a finished download.
    await expectCatalogText(app, '.toolbar');
    await row(page, `/${s3.bucket}/notas.txt`).click({ button: 'right' });
    await page.getByRole('menuitem', { name: /^⟦Dówñlóád/ }).click();
    await expect(page.locator('.transfers')).toContainText('⟦');
    await expectCatalogText(app, '.transfers');

    // The settings dialog (language and transfers).
    await page.locator('.sidebar-footer button').last().click();
    const settings = page.locator('dialog[open]');
    await expect(settings).toBeVisible();
    await expectCatalogText(app, 'dialog[open]');
    await page.keyboard.press('Escape');
    await expect(settings).toBeHidden();

    // The bucket settings dialog, on its first panel.
    await page.locator('.toolbar').getByRole('button', { name: /^⟦Búçkét šéttíñgš/ }).click();
    const bucketDialog = page.locator('dialog[open]');
    await expect(bucketDialog).toBeVisible();
    await expectCatalogText(app, 'dialog[open]');
    await page.keyboard.press('Escape');
    await expect(bucketDialog).toBeHidden();

    // The new-connection form.
    await page.locator('.sidebar-header button').click();
    await expect(page.locator('dialog[open]')).toBeVisible();
    await expectCatalogText(app, 'dialog[open]');
    await bothThemes(app, 'pseudo-connection-form');
  } finally {
    await s3.cleanup();
  }
});

/**
 * The split view in the pseudo-locale (en-XA): the toggle, both panes' pickers, this computer's
 * pane (toolbar, path bar, grid, empty folder, status line) and the move question all come from
 * the catalogs and fit although a third longer. Names and paths are user data and pass.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type StowageApp } from './fixtures.js';
import { overflowingTexts, untranslatedTexts } from './textChecks.js';

test.use({ locale: 'en-XA' });

async function expectCatalogText(app: StowageApp, root: string) {
  expect(await untranslatedTexts(app.page, root), `untranslated in ${root}`).toEqual([]);
  expect(await overflowingTexts(app.page, root), `cut off in ${root}`).toEqual([]);
}

test('the split view in the pseudo-locale: all from the catalogs, nothing cut off', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  const empty = join(app.workDir, 'empty');
  await mkdir(empty);
  await page.locator('.split-toggle').click();
  await expect(page.locator('[data-pane="1"] [role="grid"]')).toBeVisible();
  await expect(page.locator('[data-pane="0"] [role="grid"]')).toBeVisible();
  await page.locator('[data-pane="1"] [role="grid"]').focus();
  await page.keyboard.press('Control+l');
  await page.locator('[data-pane="1"] .pathbar-edit input').fill(empty);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-pane="1"] .grid-state')).toHaveText(/^⟦.*⟧$/);
  await expectCatalogText(app, '.split-pane-header, .split-pane .toolbar-group, .split-pane .pathbar, .split-pane .grid-head, .split-pane .grid-body, .split-pane .statusbar');
  await expect(page.locator('.split-toggle')).toHaveAttribute('title', /^⟦.*⟧$/);
  await expect(page.locator('.split-toggle')).toHaveAttribute('aria-label', /^⟦.*⟧$/);
  // Nothing selected: F5 says so in a toast from the catalog.
  await page.keyboard.press('F5');
  await expect(page.locator('.toast .toast-text').last()).toHaveText(/⟦.*⟧/);
  await app.screenshot('split-view-pseudo');
});

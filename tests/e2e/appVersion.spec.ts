import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.js';

test('the sidebar footer names the version of package.json, as the packaged app does', async ({ app }) => {
  const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(version).toMatch(/^\d+\.\d+\.\d+/);
  await expect(app.page.locator('.sidebar-footer')).toContainText(`Stowage ${version}`);
  await expect(app.page.locator('.sidebar-footer')).not.toContainText('test');
});

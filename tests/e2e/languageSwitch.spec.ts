/**
 * Choosing the language in Settings: the window switches at once, without a reload (the
 * transfers strip and the open settings dialog alike), back again, and the choice is saved
 * by the core, so a reload comes back in it.
 */
import { expect, test, type StowageApp } from './fixtures.js';
import { coreClient } from '../support/coreClient.js';

const region = (app: StowageApp, name: string) => app.page.getByRole('region', { name, exact: true });

test('the language chosen in Settings applies at once and is remembered', async ({ app }) => {
  const page = app.page;
  await region(app, 'Transfers').getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings', exact: true });
  await expect(settings.getByLabel('Files in parallel')).toBeVisible();
  // A mark on this page: a reload would lose it.
  await page.evaluate(() => Object.assign(window, { samePage: true }));

  await settings.getByLabel('Language', { exact: true }).selectOption('es');
  const ajustes = page.getByRole('dialog', { name: 'Configuración', exact: true });
  await expect(ajustes).toBeVisible();
  await expect(ajustes.getByLabel('Archivos en paralelo')).toBeVisible();
  await expect(ajustes.getByLabel('Idioma', { exact: true })).toHaveValue('es');
  const transferencias = region(app, 'Transferencias');
  await expect(transferencias.locator('.transfers-title')).toHaveText('Transferencias');
  await expect(transferencias.locator('.transfers-summary')).toHaveText('No hay transferencias');
  await expect(transferencias.getByRole('button', { name: 'Borrar terminadas' })).toBeVisible();
  // The same page: nothing reloaded.
  expect(await page.evaluate(() => (window as { samePage?: boolean }).samePage)).toBe(true);

  await ajustes.getByLabel('Idioma', { exact: true }).selectOption('en');
  await expect(settings).toBeVisible();
  await expect(settings.getByLabel('Files in parallel')).toBeVisible();
  await expect(region(app, 'Transfers').locator('.transfers-summary')).toHaveText('No transfers');

  // Spanish again, then a reload: the core kept the choice.
  await settings.getByLabel('Language', { exact: true }).selectOption('es');
  await expect(ajustes).toBeVisible();
  await expect.poll(async () => ((await coreClient(app.headless.core)('app:info', {})) as { language: { setting: string } }).language.setting).toBe('es');
  await page.reload();
  await expect(region(app, 'Transferencias').locator('.transfers-summary')).toHaveText('No hay transferencias');
  await region(app, 'Transferencias').getByRole('button', { name: 'Configuración', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Configuración', exact: true }).getByLabel('Idioma', { exact: true })).toHaveValue('es');
});

/**
 * Importing bookmarks of other tools: picked from the New connection form, every bookmark is
 * shown before anything is saved (protocol, server, user, group, whether a password was
 * found), duplicates start unticked, what cannot come says why; the ticked ones are saved with
 * their passwords sealed. Photographed in light and dark, in English and Spanish.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bothThemes } from './browserScenes.js';
import { expect, test, type StowageApp } from './fixtures.js';
import { coreClient } from '../support/coreClient.js';

const fixtures = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

async function openImport(app: StowageApp, newConnection: string, link: RegExp) {
  await app.page.getByRole('button', { name: newConnection, exact: true }).click();
  await app.page.getByRole('dialog', { name: newConnection }).getByRole('button', { name: link }).click();
}

async function pick(app: StowageApp, names: string[]) {
  const paths = names.map((n) => join(fixtures, n));
  for (const path of paths) await app.bridge.registerDroppedFile(path);
  await app.page.getByTestId('import-files').setInputFiles(paths);
}

test('previews FileZilla, WinSCP and rclone bookmarks, imports the ticked ones with their passwords sealed', async ({ app }) => {
  const { page } = app;
  const call = coreClient(app.headless.core);
  // Already saved: rclone's "rgw" repeats it.
  await call('connections:save', {
    draft: {
      protocol: 's3',
      name: 'Lab RGW',
      endpoint: { kind: 'custom', url: 'http://127.0.0.1:7480' },
      region: 'us-east-1',
      forcePathStyle: true,
      rememberSecret: false,
      auth: { kind: 'keys', accessKeyId: 'TESTACCESSKEY' },
    },
  });

  // The way in: the New connection form, beside the ~/.ssh/config picker's kind of shortcut.
  await page.getByRole('button', { name: 'New connection', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'New connection' }).getByRole('button', { name: /Import from Cyberduck/ })).toBeVisible();
  await app.screenshot('import-bookmarks-entry-light');
  await page.keyboard.press('Escape');
  await openImport(app, 'New connection', /Import from Cyberduck/);
  const dialog = page.getByRole('dialog', { name: 'Import bookmarks' });
  await expect(dialog.getByRole('button', { name: /Import \d+ connection/ })).toBeDisabled();
  await pick(app, ['sitemanager.xml', 'WinSCP.ini', 'rclone.conf']);

  const rowOf = (name: string) => dialog.locator('tbody tr').filter({ has: page.locator('.import-name', { hasText: new RegExp(`^${name}$`) }) });
  await expect(rowOf('Zilla SFTP')).toContainText('127.0.0.1:2222');
  await expect(rowOf('Zilla SFTP')).toContainText('/home/sftptest');
  await expect(rowOf('Zilla SFTP')).toContainText('Found');
  await expect(rowOf('Zilla SFTP').getByRole('checkbox')).toBeChecked();
  await expect(rowOf('Vault')).toContainText('Clients / Locked');
  await expect(rowOf('Vault')).toContainText('master password');
  await expect(rowOf('Vault')).toContainText('None');
  await expect(rowOf('Files')).toContainText('Customers / Acme');
  await expect(rowOf('rgw')).toContainText('Already saved as “Lab RGW”');
  await expect(rowOf('rgw').getByRole('checkbox')).not.toBeChecked();
  await expect(rowOf('box-key')).toContainText('Already saved as “box”');
  await expect(rowOf('box-key').getByRole('checkbox')).not.toBeChecked();
  const skipped = dialog.locator('.import-skipped');
  await expect(skipped).toContainText('Shop FTP');
  await expect(skipped).toContainText('FTP is not a protocol Stowage connects with (it speaks S3 and SFTP).');
  await expect(skipped).toContainText('rclone\'s "crypt" remotes are not S3 or SFTP.');
  // Passwords never reach the window: only whether one was found.
  expect(await page.content()).not.toContain(app.servers.sftp.password);
  await bothThemes(app, 'import-bookmarks-preview');

  // Only two: everything off, then those two on.
  const all = dialog.getByRole('checkbox', { name: 'Import all' });
  await expect(all).not.toBeChecked();
  await all.check();
  await expect(dialog.getByRole('button', { name: 'Import 12 connections' })).toBeEnabled();
  await all.uncheck();
  await expect(dialog.getByRole('button', { name: /Import 0 connections/ })).toBeDisabled();
  await rowOf('Zilla SFTP').getByRole('checkbox').check();
  await rowOf('NAS store').getByRole('checkbox').check();
  await expect(dialog).toContainText('2 of ');
  await dialog.getByRole('button', { name: 'Import 2 connections' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Imported 2 connections.')).toBeVisible();
  const sidebar = page.locator('.sidebar-list');
  await expect(sidebar).toContainText('Zilla SFTP');
  await expect(sidebar).toContainText('NAS store');
  const saved = await call('connections:list', {});
  expect(saved.find((c) => c.name === 'Zilla SFTP')).toMatchObject({ hasSavedSecret: true, needsSecretAtConnect: false });

  // A Cyberduck bookmarks folder, through the open dialog; and a hostile file, refused with a sentence.
  await openImport(app, 'New connection', /Import from Cyberduck/);
  app.headless.folderAnswers.push(join(fixtures, 'cyberduck-bookmarks'));
  await dialog.getByRole('button', { name: 'Choose a Cyberduck bookmarks folder…' }).click();
  await expect(rowOf('Duck & SFTP')).toContainText('Cyberduck');
  await expect(rowOf('Backups on AWS')).toContainText('nightly-backups');
  await expect(skipped).toContainText('Old FTP');
  await pick(app, ['hostile/billion-laughs.xml']);
  await expect(dialog.getByRole('alert')).toContainText('declares its own XML entities: Stowage does not expand them, so it does not read this file.');
  await bothThemes(app, 'import-bookmarks-refused');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' });

  test('the preview speaks Spanish and fits', async ({ app }) => {
    await openImport(app, 'Nueva conexión', /Importar desde Cyberduck/);
    const dialog = app.page.getByRole('dialog', { name: 'Importar marcadores' });
    await pick(app, ['sitemanager.xml', 'rclone.conf']);
    await expect(dialog).toContainText('Encontrada');
    await expect(dialog).toContainText('Ya guardada como “box”');
    await expect(dialog).toContainText('FTP no es un protocolo con el que Stowage se conecte (usa S3 y SFTP).');
    await expect(dialog.getByRole('button', { name: /Importar \d+ conexiones/ })).toBeEnabled();
    await bothThemes(app, 'import-bookmarks-preview', '-es');
  });
});

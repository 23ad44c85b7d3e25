/**
 * The transfers strip, its conflict question and the settings dialog in Spanish (chosen in
 * Settings once connected): Spanish words, Spanish numbers, and screenshots in both themes to
 * check that the longer words fit.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connectLocalS3, row } from './actions.js';
import { expect, test, type StowageApp } from './fixtures.js';
import { coreClient } from '../support/coreClient.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

const MiB = 1024 * 1024;
const panel = (app: StowageApp) => app.page.getByRole('region', { name: 'Transferencias', exact: true });
const item = (app: StowageApp, name: string) => panel(app).getByTestId('transfer').filter({ hasText: name }).first();

async function bothThemes(app: StowageApp, name: string) {
  await app.screenshot(`${name}-light-es`);
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.page.waitForTimeout(250); // the buttons' background transition
  await app.screenshot(`${name}-dark-es`);
  await app.page.emulateMedia({ colorScheme: 'light' });
}

test('transfers in Spanish: a conflict, a folder row, a failed row and the settings', async ({ app }) => {
  const s3 = testS3Client(app.servers);
  const bucket = uniqueBucketName('e2e-es');
  const gone = uniqueBucketName('e2e-es-gone');
  await createBucketWith(s3, bucket, { 'informe.txt': 'informe antiguo' });
  const call = coreClient(app.headless.core);
  try {
    await connectLocalS3(app);
    await row(app.page, `/${bucket}/`).dblclick();
    await expect(app.page.getByRole('navigation', { name: 'Path' })).toContainText(bucket);
    await app.page.getByRole('region', { name: 'Transfers', exact: true }).getByRole('button', { name: 'Settings', exact: true }).click();
    await app.page.getByRole('dialog', { name: 'Settings', exact: true }).getByLabel('Language', { exact: true }).selectOption('es');
    await expect(app.page.getByRole('dialog', { name: 'Configuración', exact: true })).toBeVisible();
    await app.page.keyboard.press('Escape');
    await expect(app.page.getByRole('dialog')).toBeHidden();

    // Uploads start through the core: the browser's own words are another area's.
    const connectionId = ((await call('connections:list', {})) as { id: string }[])[0]!.id;
    const upload = (localPaths: string[], remoteFolder = `/${bucket}/`) => call('transfers:upload', { connectionId, localPaths, remoteFolder });

    // The conflict question.
    const report = join(app.workDir, 'informe.txt');
    await writeFile(report, 'un informe nuevo, más largo');
    await upload([report]);
    const dialog = app.page.getByRole('dialog', { name: 'El archivo ya existe' });
    await expect(dialog).toContainText('informe.txt ya existe en el servidor.');
    await expect(dialog.getByTestId('conflict-target')).toContainText(/^15 B, modificado el /);
    await bothThemes(app, 'transfers-conflict');
    await dialog.getByRole('button', { name: 'Omitir' }).click();
    await expect(item(app, 'informe.txt')).toHaveAttribute('title', /\nOmitido: el destino ya existe\.$/);

    // An upload into a bucket that does not exist, and a folder that moves slowly, one file at a time.
    const lost = join(app.workDir, 'perdido.txt');
    await writeFile(lost, 'sin destino');
    await upload([lost], `/${gone}/`);
    await expect(item(app, 'perdido.txt')).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
    await expect(item(app, 'perdido.txt')).toContainText('Error');
    await call('transfers:setSettings', { changes: { uploadLimit: 2 * MiB, filesInParallel: 1, conflictPolicy: 'overwrite' } });
    const folder = join(app.workDir, 'grabaciones');
    await mkdir(join(folder, 'dia1'), { recursive: true });
    for (const name of ['clip1.bin', 'dia1/clip2.bin', 'dia1/clip3.bin']) await writeFile(join(folder, name), randomBytes(20 * MiB));
    await upload([folder]);
    const folderRow = panel(app).locator('[data-testid="transfer"][data-folder="grabaciones"]');
    await expect(folderRow).toHaveAttribute('data-state', 'running');
    await expect(folderRow).toContainText(/0 de 3 archivos · [\d,]+ (B|KB|MB) de 62,9 MB · [\d,]+ [KM]B\/s/);
    await expect(folderRow).toContainText('Transfiriendo');

    await folderRow.getByRole('button', { name: 'Mostrar archivos' }).click();
    await expect(panel(app).getByTestId('transfer')).toHaveCount(6);
    await expect(panel(app).locator('.transfers-summary')).toContainText(/1 en curso, 2 en espera/);
    // Tall enough for every row.
    const handle = app.page.locator('.panel-resizer');
    const box = (await handle.boundingBox())!;
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await app.page.mouse.down();
    await app.page.mouse.move(box.x + box.width / 2, box.y - 160, { steps: 4 });
    await app.page.mouse.up();
    await panel(app).getByRole('listbox').evaluate((el) => el.scrollTo(0, 0));
    await bothThemes(app, 'transfers-panel');

    // The settings, with the language on top.
    await panel(app).getByRole('button', { name: 'Configuración', exact: true }).click();
    const settings = app.page.getByRole('dialog', { name: 'Configuración', exact: true });
    await expect(settings.getByLabel('Idioma', { exact: true })).toHaveValue('es');
    await expect(settings.getByLabel('Idioma', { exact: true }).locator('option').first()).toHaveText('El mismo que el sistema (Español)');
    await expect(settings.getByLabel('Archivos en paralelo')).toHaveValue('1');
    await expect(settings).toContainText('Archivos que se mueven a la vez, pequeños o grandes');
    await bothThemes(app, 'settings');
    await settings.getByLabel('Archivos en paralelo').fill('99');
    await settings.getByRole('button', { name: 'Guardar' }).click();
    await expect(settings).toContainText('Los archivos en paralelo deben estar entre 1 y 32');
    await app.page.keyboard.press('Escape');
    await expect(settings).toBeHidden();
    await panel(app).getByRole('button', { name: 'Cancelar todo' }).click();
  } finally {
    await removeBucket(s3, bucket).catch(() => undefined);
  }
});

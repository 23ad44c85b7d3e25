/**
 * The file browser and the app shell in Spanish: the first screen, an S3 listing, an SFTP
 * folder with links, a context menu and a dialog, at the smallest and a large window size,
 * photographed in light and dark (`*-es.png`) to check that the longer words fit. At the small
 * size the toolbar's items that do not fit go under "Más…".
 */
import { row } from './actions.js';
import { bothThemes, goTo, openSaved, s3Scene, sftpScene } from './browserScenes.js';
import { expect, test } from './fixtures.js';

test.use({ locale: 'es-ES' });

for (const size of [
  { width: 900, height: 600 },
  { width: 1920, height: 1080 },
]) {
  const at = `${size.width}x${size.height}`;

  test(`the browser speaks Spanish and fits at ${at}`, async ({ app }) => {
    const { page } = app;
    await page.setViewportSize(size);
    await expect(page.getByRole('heading', { name: 'Te damos la bienvenida a Stowage' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nueva conexión' })).toBeVisible();
    await bothThemes(app, `browser-welcome-${at}`, '-es');

    const s3 = await s3Scene(app);
    const sftp = await sftpScene(app);
    try {
      // The bucket list, then a bucket: Spanish headers, sizes with a decimal comma, the class by AWS's Spanish name.
      await openSaved(app, s3.connectionId);
      await expect(page.getByRole('navigation', { name: 'Ruta' })).toContainText('Buckets');
      await row(page, `/${s3.bucket}/`).dblclick();
      const file = row(page, `/${s3.bucket}/presupuesto-2026.xlsx`);
      await expect(file).toBeVisible();
      const grid = page.getByRole('grid', { name: 'Archivos' });
      for (const header of ['Nombre', 'Tamaño', 'Modificado', 'Clase de almacenamiento']) {
        await expect(grid.getByRole('columnheader', { name: header })).toBeVisible();
      }
      await expect(file.locator('.cell-size')).toHaveText('1,2 MB');
      await expect(file.locator('.cell-class')).toHaveText('Estándar');
      await file.click();
      await row(page, `/${s3.bucket}/notas.txt`).click({ modifiers: ['Control'] });
      await expect(page.locator('.statusbar')).toContainText('3 elementos');
      await expect(page.locator('.statusbar')).toContainText('2 seleccionados (1,2 MB)');
      await bothThemes(app, `browser-s3-${at}`, '-es');

      // What does not fit the toolbar is under "Más…", and works from there.
      const more = page.getByRole('button', { name: 'Más…' });
      if (size.width === 900) {
        await more.click();
        await expect(page.getByRole('menu', { name: 'Más acciones' })).toBeVisible();
        await bothThemes(app, `browser-more-${at}`, '-es');
        await page.keyboard.press('Escape');
      } else {
        await expect(more).toBeHidden();
      }

      // The file menu, then a dialog from it (the delete question, answered No).
      await file.click({ button: 'right' });
      const menu = page.getByRole('menu', { name: 'Acciones de archivo' });
      for (const item of ['Descargar…', 'Cambiar nombre', 'Duplicar', 'Mover a…', 'Eliminar…', 'Copiar ruta']) {
        await expect(menu.getByRole('menuitem', { name: new RegExp(`^${item}`) })).toBeVisible();
      }
      await bothThemes(app, `browser-menu-${at}`, '-es');
      await menu.getByRole('menuitem', { name: /^Eliminar…/ }).click();
      const ask = page.getByRole('alertdialog', { name: '¿Eliminar?' });
      await expect(ask).toContainText('Se eliminarán 2 elementos: 2 archivos, 1,2 MB.');
      await bothThemes(app, `browser-delete-${at}`, '-es');
      await ask.getByRole('button', { name: 'Cancelar' }).click();
      await expect(ask).toBeHidden();

      // An SFTP folder with links to a file, to a folder and a broken one; the Permissions dialog.
      await openSaved(app, sftp.connectionId);
      await goTo(app, sftp.folder, `${sftp.folder}/enlace-roto`);
      await expect(row(page, `${sftp.folder}/enlace-roto`)).toContainText('(enlace roto)');
      await expect(page.getByRole('grid', { name: 'Archivos' }).getByRole('columnheader', { name: 'Propietario / grupo' })).toBeVisible();
      await expect(page.locator('.statusbar')).toContainText('6 elementos');
      await bothThemes(app, `browser-sftp-${at}`, '-es');
      await row(page, `${sftp.folder}/léeme.txt`).click({ button: 'right' });
      await expect(page.getByRole('menuitem', { name: /^Nuevo enlace simbólico…/ })).toBeVisible();
      await bothThemes(app, `browser-sftp-menu-${at}`, '-es');
      await page.getByRole('menuitem', { name: /^Permisos…/ }).click();
      const chmod = page.getByRole('dialog', { name: 'Permisos' });
      await expect(chmod.getByLabel('Propietario: lectura')).toBeChecked();
      await expect(chmod.getByRole('button', { name: 'Aplicar' })).toBeVisible();
      await bothThemes(app, `browser-chmod-${at}`, '-es');
      await chmod.getByRole('button', { name: 'Cancelar' }).click();
      await expect(chmod).toBeHidden();
    } finally {
      await s3.cleanup();
      await sftp.cleanup();
    }
  });
}

/**
 * The split view in Spanish, at the smallest window size and a large one: a bucket on the left,
 * this computer on the right, photographed in light and dark (`split-view-<size>-*-es.png`) to
 * check that the longer words fit in two half-width panes.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { bothThemes, s3Scene } from './browserScenes.js';
import { expect, test } from './fixtures.js';

test.use({ locale: 'es-ES' });

const pane = (page: Page, index: 0 | 1) => page.locator(`[data-pane="${index}"]`);
const grid = (page: Page, index: 0 | 1) => pane(page, index).getByRole('grid', { name: 'Archivos' });

for (const size of [
  { width: 720, height: 460 },
  { width: 1920, height: 1080 },
]) {
  const at = `${size.width}x${size.height}`;

  test(`the split view speaks Spanish and fits at ${at}`, async ({ app }) => {
    const { page } = app;
    await page.setViewportSize(size);
    const scene = await s3Scene(app);
    const folder = join(app.workDir, 'carpeta local');
    await mkdir(join(folder, 'fotos de verano'), { recursive: true });
    await writeFile(join(folder, 'presupuesto definitivo.xlsx'), Buffer.alloc(42_000));
    await symlink('presupuesto definitivo.xlsx', join(folder, 'enlace al presupuesto'));
    try {
      const toggle = page.getByRole('button', { name: 'Vista dividida' });
      await expect(toggle).toHaveAttribute('title', /F5 copia y F6 mueve/);
      await toggle.click();
      await expect(pane(page, 1).getByLabel('Qué muestra el panel derecho')).toHaveValue('local-2');
      const item = page.locator(`.conn-item[data-connection-id="${scene.connectionId}"]`);
      await item.click();
      await item.press('Enter');
      await grid(page, 0).locator(`[role="row"][data-path="/${scene.bucket}/"]`).dblclick();
      await expect(grid(page, 0).locator(`[role="row"][data-path="/${scene.bucket}/notas.txt"]`)).toBeVisible();

      await grid(page, 1).focus();
      await page.keyboard.press('Control+l');
      await pane(page, 1).locator('.pathbar-edit input').fill(folder);
      await page.keyboard.press('Enter');
      await expect(grid(page, 1).locator(`[role="row"][data-path="${folder}/enlace al presupuesto"]`)).toBeVisible();
      await expect(pane(page, 1).locator('.pathbar')).toContainText('Este equipo');

      // F6 asks first, in Spanish; cancelled, nothing moves.
      await grid(page, 1).locator(`[role="row"][data-path="${folder}/presupuesto definitivo.xlsx"]`).click();
      await page.keyboard.press('F6');
      const ask = page.getByRole('alertdialog', { name: '¿Mover 1 elemento?' });
      await expect(ask).toContainText('Se moverá a /');
      await bothThemes(app, `split-view-move-${at}`, '-es');
      await ask.getByRole('button', { name: 'Cancelar' }).click();
      await expect(grid(page, 1).locator(`[role="row"][data-path="${folder}/presupuesto definitivo.xlsx"]`)).toBeVisible();
      // Both panes lie inside the window.
      for (const index of [0, 1] as const) {
        const box = (await pane(page, index).boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      }
      await bothThemes(app, `split-view-${at}`, '-es');
    } finally {
      await scene.cleanup();
    }
  });
}

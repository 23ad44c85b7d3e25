import type { Page } from '@playwright/test';
import { row } from './actions.js';
import { expect, type StowageApp } from './fixtures.js';

export const settingsDialog = (page: Page, bucket: string) => page.getByRole('dialog', { name: `Bucket settings — ${bucket}` });

/** Opens a bucket's settings from its context menu and waits until they are read. */
export async function openSettingsFromMenu(page: Page, bucket: string) {
  await row(page, `/${bucket}/`).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Bucket settings…' }).click();
  await expect(settingsDialog(page, bucket).getByText('Reading the bucket')).toBeHidden();
}

/** The same in the Spanish window: opens a bucket's settings from its menu and answers the dialog once it has read them. */
export async function openSettingsFromMenuInSpanish(page: Page, bucket: string) {
  await row(page, `/${bucket}/`).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Configuración del bucket…' }).click();
  const dialog = page.getByRole('dialog', { name: `Configuración del bucket — ${bucket}` });
  await expect(dialog.getByText('Leyendo la configuración del bucket…')).toBeHidden();
  return dialog;
}

/** Screenshots of what is on screen in light and dark. */
export async function shoot(app: StowageApp, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    // Colour transitions must finish, or buttons are caught half-way between themes.
    await app.page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await app.screenshot(`${name}-${scheme}`);
  }
  await app.page.emulateMedia({ colorScheme: 'light' });
}

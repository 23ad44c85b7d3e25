import assert from 'node:assert/strict';
import type { Result } from '../../../shared/errors.js';
import type { AppInfo } from '../../../shared/contract.js';
import type { Checks } from '../harness.js';
import { becomeReady, launch, type SmokeContext } from '../startApp.js';
import { quitChecks } from './lifecycle.js';

/**
 * A system whose preferred language is Spanish: main hands the list to the window through
 * app:info and speaks Spanish in its own dialogs, and follows the window's language setting.
 */
export async function languageChecks(checks: Checks, ctx: SmokeContext): Promise<void> {
  const electron = launch(ctx, 'spanish', { systemLanguages: ['es-419', 'en-US'] });
  const win = await becomeReady(electron);
  const call = (channel: string, payload: unknown) => electron.invoke(channel, win.webContents, win.webContents.mainFrame, payload) as Promise<Result<unknown>>;
  const folderDialogTitle = async () => {
    await call('dialog:chooseFolder', {});
    return (electron.journal.all('dialog.showOpenDialog').at(-1)?.detail as { title?: string } | undefined)?.title;
  };

  await checks.check("main hands the system's preferred languages to the window", async () => {
    const info = (await call('app:info', {})) as Result<AppInfo>;
    assert.ok(info.ok, JSON.stringify(info));
    assert.deepEqual(info.value.language, { setting: 'system', system: ['es-419', 'en-US'] });
  });

  await checks.check("main's own dialogs speak the system's language, then follow the setting", async () => {
    assert.equal(await folderDialogTitle(), 'Elige una carpeta');
    assert.deepEqual(await call('app:setLanguage', { setting: 'en' }), { ok: true, value: undefined });
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(await folderDialogTitle(), 'Choose a folder');
  });
  await quitChecks(checks, electron);
}

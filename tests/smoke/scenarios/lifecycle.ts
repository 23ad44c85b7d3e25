import assert from 'node:assert/strict';
import type { Result } from '../../../shared/errors.js';
import type { AppInfo } from '../../../shared/contract.js';
import type { FakeElectron } from '../electron/fakeElectron.js';
import type { FakeBrowserWindow } from '../electron/fakeWindows.js';
import { waitFor, type Checks } from '../harness.js';
import { becomeReady, launch, type SmokeContext } from '../startApp.js';

const appInfo = async (electron: FakeElectron, win: FakeBrowserWindow) =>
  (await electron.invoke('app:info', win.webContents, win.webContents.mainFrame, {})) as Result<AppInfo>;

/** Quit asks the core to save and end, and the app quits once it has. */
export async function quitChecks(checks: Checks, electron: FakeElectron): Promise<void> {
  await checks.check('quit waits for the core to save and end, then quits', async () => {
    const core = electron.forks.at(-1)!.child;
    electron.app.quit();
    assert.equal(electron.app.ended, false, 'quit did not wait for the core');
    await waitFor(() => electron.app.ended, 'the app to quit', 12_000);
    await waitFor(() => core.exited, 'the core process to end', 2_000);
  });
}

/**
 * Linux without a keyring (safeStorage's basic_text backend): a core that keeps crashing,
 * then quit. The core is killed until main gives up restarting it; quit must still finish.
 */
export async function weakBoxAndGiveUpChecks(checks: Checks, ctx: SmokeContext): Promise<void> {
  const electron = launch(ctx, 'basic-text', { storageBackend: 'basic_text' });
  const win = await becomeReady(electron);

  await checks.check('with only basic_text, the secret box is weak and no secret is saved', async () => {
    const info = await appInfo(electron, win);
    assert.ok(info.ok, JSON.stringify(info));
    assert.equal(info.value.secretStorage.strong, false);
    assert.equal(info.value.secretStorage.backend, 'basic_text');
    assert.equal(electron.journal.all('safeStorage.encryptStringAsync').length, 0);
  });

  await checks.check('a core process that dies is started again', async () => {
    electron.forks[0]!.child.crash();
    await waitFor(() => electron.forks.length === 2, 'a new core process');
    await waitFor(async () => (await appInfo(electron, win)).ok, 'the new core to answer');
  });

  await checks.check('after four exits within a minute main stops restarting it and says so', async () => {
    for (let i = 1; i < 4; i++) {
      await waitFor(() => electron.forks.length === i + 1, `core process ${i + 1}`);
      await waitFor(() => electron.forks[i]!.child.pid !== undefined, 'it to run');
      electron.forks[i]!.child.crash();
    }
    await waitFor(() => electron.forks[3]!.child.exited, 'the fourth core process to end');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(electron.forks.length, 4, 'main started it a fifth time');
    const info = await appInfo(electron, win);
    assert.equal(info.ok, false);
    if (!info.ok) assert.match(info.error.message, /keeps stopping/);
  });

  await checks.check('quit finishes at once after the core gave up', async () => {
    const started = Date.now();
    electron.app.quit();
    await waitFor(() => electron.app.ended, 'the app to quit after the core gave up', 5_000);
    assert.ok(Date.now() - started < 3_000, `quit took ${Date.now() - started} ms`);
  });
}

/** A second launch, which does not get the lock: it quits before ready and starts nothing. */
export async function secondLaunchChecks(checks: Checks, ctx: SmokeContext): Promise<void> {
  const electron = launch(ctx, 'second-launch', { gotLock: false });
  await checks.check('a second launch quits at once and starts no core and no window', async () => {
    assert.ok(electron.journal.first('app.quit'), 'it did not quit');
    electron.app.becomeReady();
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(electron.forks.length, 0, 'it started a core process on the same data');
    assert.equal(electron.world.windows.length, 0, 'it opened a window');
  });
}

/** Main loaded as on Windows: its Application User Model ID is the installer's appId. */
export async function windowsIdentityChecks(checks: Checks, ctx: SmokeContext): Promise<void> {
  const electron = launch(ctx, 'windows', { platform: 'win32' });
  await checks.check("on Windows, setAppUserModelId gets electron-builder's appId before ready", () => {
    const set = electron.journal.all('app.setAppUserModelId');
    assert.deepEqual(set.map((e) => [e.detail, e.ready]), [[ctx.staged.config.appId, false]]);
  });
}

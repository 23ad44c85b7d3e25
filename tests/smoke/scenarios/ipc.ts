import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StowageApi } from '../../../shared/api.js';
import { invokeChannels } from '../../../shared/channels.js';
import type { Result } from '../../../shared/errors.js';
import type { S3ConnectionDraft } from '../../../shared/connections.js';
import type { FakeElectron } from '../electron/fakeElectron.js';
import { runPreload } from '../electron/fakePreloadWorld.js';
import type { FakeBrowserWindow } from '../electron/fakeWindows.js';
import { waitFor, type Checks } from '../harness.js';

const draft = (name: string): S3ConnectionDraft => ({
  protocol: 's3',
  name,
  endpoint: { kind: 'custom', url: 'http://127.0.0.1:9' },
  region: 'us-east-1',
  forcePathStyle: true,
  rememberSecret: true,
  auth: { kind: 'keys', accessKeyId: 'AKIASMOKETEST', secretAccessKey: 'not-a-real-secret' },
});

const refusedAsForeign = (answer: unknown) => {
  const result = answer as Result<unknown>;
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(result.error.kind, 'permission');
};

/**
 * Checks on main's IPC, through the real preload where a page would use it. Answers the
 * window's `window.stowage`, for later checks.
 */
export async function ipcChecks(checks: Checks, electron: FakeElectron, win: FakeBrowserWindow, preloadPath: string): Promise<StowageApi | undefined> {
  let api: StowageApi | undefined;

  await checks.check('every contract operation has exactly one ipcMain handler', () => {
    const missing = invokeChannels.filter((c) => !electron.handlers.has(c));
    assert.deepEqual(missing, []);
  });

  await checks.check('the preload runs with only what a sandboxed preload may require, and exposes window.stowage', () => {
    const world = runPreload(preloadPath, electron, win.webContents);
    assert.deepEqual(world.refused, []);
    api = world.exposed.stowage as StowageApi;
    assert.equal(typeof api?.app?.copyText, 'function');
    assert.equal(typeof api?.connections?.onChanged, 'function');
  });

  await checks.check('calls from other origins, iframes and unknown frames are refused', async () => {
    const foreign = electron.extraContents();
    foreign.url = 'https://evil.example/';
    refusedAsForeign(await electron.invoke('app:info', foreign, foreign.mainFrame, {}));
    refusedAsForeign(await electron.invoke('app:info', win.webContents, { url: 'app://stowage/index.html', parent: {} }, {}));
    refusedAsForeign(await electron.invoke('app:info', win.webContents, { url: 'file:///index.html', parent: null }, {}));
    refusedAsForeign(await electron.invoke('app:info', win.webContents, null, {}));
    refusedAsForeign(await electron.invoke('app:copyText', foreign, foreign.mainFrame, { text: 'stolen' }));
    assert.equal(electron.clipboardText(), '');
  });

  await checks.check('copy puts the text on the clipboard through main', async () => {
    assert.ok(api);
    const text = 's3://smoke-bucket/reports/2026/summary.csv';
    const answer = await api.app.copyText({ text });
    assert.deepEqual(answer, { ok: true, value: undefined });
    assert.equal(electron.clipboardText(), text);
  });

  await checks.check('a malformed copy request is refused and leaves the clipboard alone', async () => {
    const before = electron.clipboardText();
    const answer = (await electron.invoke('app:copyText', win.webContents, win.webContents.mainFrame, { text: 42 })) as Result<unknown>;
    assert.equal(answer.ok, false);
    if (!answer.ok) assert.equal(answer.error.kind, 'invalidInput');
    assert.equal(electron.clipboardText(), before);
  });

  await checks.check("safeStorage's deprecated synchronous API is never called", () => {
    assert.deepEqual(electron.journal.all('deprecated').map((e) => e.detail), []);
  });

  await checks.check('a second launch shows and focuses the first window', () => {
    win.minimize();
    const focusedBefore = win.focusCount;
    electron.app.emit('second-instance', { preventDefault() {} }, ['stowage'], '/', {});
    assert.equal(win.isMinimized(), false, 'the window stays minimized');
    assert.ok(win.focusCount > focusedBefore, 'the window is not focused');
    assert.equal(electron.world.windows.filter((w) => !w.destroyed).length, 1, 'a second window was opened');
  });

  return api;
}

/** A page whose `send` throws, first in the list, must not keep events from the app's window. */
export async function forwardingChecks(checks: Checks, electron: FakeElectron, win: FakeBrowserWindow, api: StowageApi | undefined, uncaught: unknown[]): Promise<void> {
  await checks.check('events reach the window when another listener throws, with no error dialog', async () => {
    assert.ok(api);
    const thrower = electron.extraContents();
    thrower.url = 'app://stowage/index.html';
    thrower.throwOnSend = true;
    electron.world.contents.unshift(electron.world.contents.pop()!);
    const foreign = electron.extraContents();
    foreign.url = 'https://evil.example/';
    const seen: number[] = [];
    const unsubscribe = api.connections.onChanged((list) => seen.push(list.length));
    const uncaughtBefore = uncaught.length;
    // Three saves at once: their events reach main in one batch.
    const saved = await Promise.all(['one', 'two', 'three'].map((name) => api!.connections.save({ draft: draft(`Smoke ${name}`) })));
    assert.ok(saved.every((s) => s.ok), JSON.stringify(saved.find((s) => !s.ok)));
    await waitFor(() => seen.includes(3), 'the window to see all three connections', 5_000);
    unsubscribe();
    assert.deepEqual(foreign.sent, [], 'a page of another origin got events');
    assert.deepEqual(electron.errorBoxes, []);
    assert.equal(uncaught.length, uncaughtBefore, `uncaught in main: ${String(uncaught.at(-1))}`);
    thrower.destroyed = true;
  });

  await checks.check('a secret is saved sealed by safeStorage (its async API), never in plain text', async () => {
    const onDisk = readFileSync(join(electron.app.getPath('userData'), 'connections.json'), 'utf8');
    assert.ok(!onDisk.includes('not-a-real-secret'), 'the secret is on disk in plain text');
    assert.ok(electron.journal.all('safeStorage.encryptStringAsync').length >= 3, 'the secrets were not sealed by safeStorage');
  });
}

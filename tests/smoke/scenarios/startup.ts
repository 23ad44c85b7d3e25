import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { contentSecurityPolicy } from '../../../shared/csp.js';
import { coreProcessV8Flags } from '../../../electron/core/process/coreProtocol.js';
import { utilityProcessHonours } from '../../support/electronRules.js';
import type { FakeElectron } from '../electron/fakeElectron.js';
import { FakeNativeImage, type FakeBrowserWindow } from '../electron/fakeWindows.js';
import { electronEvent } from '../electron/journal.js';
import type { Checks } from '../harness.js';
import type { SmokeContext } from '../startApp.js';

/** Checks on what main does before `ready` (it has just been loaded). */
export async function beforeReadyChecks(checks: Checks, electron: FakeElectron): Promise<void> {
  await checks.check('the app:// scheme is registered as privileged before ready', () => {
    const registered = electron.journal.all('protocol.registerSchemesAsPrivileged');
    assert.equal(registered.length, 1);
    assert.equal(registered[0]!.ready, false);
    const [app] = registered[0]!.detail as { scheme: string; privileges: Record<string, boolean> }[];
    assert.equal(app?.scheme, 'app');
    assert.ok(app?.privileges.standard && app.privileges.secure, 'app:// must be standard and secure');
  });

  await checks.check('the single-instance lock is taken before ready', () => {
    const asked = electron.journal.first('app.requestSingleInstanceLock');
    assert.ok(asked, 'requestSingleInstanceLock was never called');
    assert.equal(asked.ready, false);
  });
}

/** Checks on the window, the app protocol and the files main hands to Electron. */
export async function startupChecks(checks: Checks, electron: FakeElectron, win: FakeBrowserWindow, ctx: SmokeContext): Promise<void> {
  const { staged } = ctx;
  await checks.check('protocol.handle serves app:// only after ready', () => {
    const handled = electron.journal.all('protocol.handle');
    assert.deepEqual(handled.map((h) => [h.detail, h.ready]), [['app', true]]);
  });

  await checks.check('the window is sandboxed, isolated, without Node, and loads app://stowage/', () => {
    const prefs = win.options.webPreferences as Record<string, unknown>;
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(win.webContents.url, 'app://stowage/index.html');
  });

  await checks.check('the app protocol serves the renderer with the CSP header', async () => {
    const page = await win.webContents.lastLoad!;
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-security-policy'), contentSecurityPolicy);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await page.text(), /<div id="root">|<script/);
  });

  await checks.check("the app protocol serves the renderer's scripts and styles", async () => {
    const assets = [...staged.files].filter((f) => /^dist\/renderer\/assets\/.+\.(js|css)$/.test(f));
    assert.ok(assets.length >= 2, 'no built scripts and styles were staged');
    for (const asset of assets) {
      const answer = await electron.world.fetchPage(`app://stowage/${asset.slice('dist/renderer/'.length)}`);
      assert.equal(answer.status, 200, asset);
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff');
    }
  });

  await checks.check('the app protocol refuses paths outside the renderer folder', async () => {
    const mainBundle = readFileSync(`${staged.dir}/${ctx.pkg.main}`, 'utf8');
    const attempts = [
      'app://stowage/../main/main.cjs',
      'app://stowage/%2e%2e/main/main.cjs',
      'app://stowage/..%2fmain%2fmain.cjs',
      'app://stowage/assets/..%2f..%2f..%2fpackage.json',
      'app://stowage/%2e%2e%2f%2e%2e%2fpackage.json',
      'app://stowage/..%5cmain%5cmain.cjs',
      'app://stowage/%2fetc%2fpasswd',
    ];
    for (const url of attempts) {
      const answer = await electron.world.fetchPage(url);
      const body = await answer.text();
      assert.notEqual(answer.status, 200, `${url} answered 200`);
      assert.ok(!body.includes('"use strict"') && body !== mainBundle && !body.includes('"name"'), `${url} leaked a file`);
    }
  });

  await checks.check('every file main hands to Electron is in the staged app', () => {
    const prefs = win.options.webPreferences as Record<string, unknown>;
    const handed: [string, string][] = [
      ['window icon', String(win.options.icon)],
      ['preload', String(prefs.preload)],
      ...electron.forks.map((f): [string, string] => ['utility process module', f.modulePath]),
      ...electron.journal.all('nativeImage.createFromPath').map((e): [string, string] => ['nativeImage', String(e.detail)]),
    ];
    const missing = handed.filter(([, path]) => staged.stagedPath(path) === null);
    assert.deepEqual(missing, [], 'handed to Electron but not in the installer');
  });

  await checks.check('the window icon is an image Electron can show (not empty)', () => {
    const icon = FakeNativeImage.fromPath(String(win.options.icon));
    assert.equal(icon.isEmpty(), false);
  });

  await checks.check('the core runs from the staged bundle, with execArgv entries Electron honours', () => {
    const fork = electron.forks[0];
    assert.ok(fork, 'utilityProcess.fork was not called');
    assert.equal(staged.stagedPath(fork.modulePath), 'dist/main/coreLoader.cjs');
    assert.deepEqual(fork.execArgv.filter((arg) => !utilityProcessHonours(arg)), [], 'Electron would drop these');
  });

  await checks.check("the core's V8 flags reach its V8 (through --js-flags)", async () => {
    const fork = electron.forks[0]!;
    for (const flag of coreProcessV8Flags) assert.ok(fork.nodeArgs.includes(flag), `${flag} does not reach the core process`);
    if (process.platform === 'linux' && fork.child.pid) {
      const cmdline = readFileSync(`/proc/${fork.child.pid}/cmdline`, 'utf8').split('\0');
      for (const flag of coreProcessV8Flags) assert.ok(cmdline.includes(flag), `${flag} is not on the core's command line`);
    }
  });

  await checks.check('navigation away from the app is blocked; web links open in the OS browser', () => {
    assert.equal(win.webContents.navigate('app://stowage/index.html'), true);
    assert.equal(win.webContents.navigate('https://example.com/'), false);
    assert.equal(win.webContents.navigate('file:///etc/passwd'), false);
    assert.deepEqual(win.webContents.windowOpenHandler?.({ url: 'https://example.com/docs' }), { action: 'deny' });
    const opened = electron.journal.all('shell.openExternal').map((e) => e.detail);
    assert.deepEqual(opened, ['https://example.com/', 'https://example.com/docs']);
  });

  await checks.check("a page main never made (the PDF viewer's guest) is held to the same rules", () => {
    const guest = electron.extraContents();
    assert.equal(guest.navigate('app://stowage/index.html'), true);
    assert.equal(guest.navigate('https://example.org/from-a-pdf'), false);
    assert.equal(guest.navigate('file:///etc/passwd'), false);
    assert.deepEqual(guest.windowOpenHandler?.({ url: 'javascript:alert(1)' }), { action: 'deny' });
    const webview = electronEvent();
    guest.emit('will-attach-webview', webview, {}, {});
    assert.equal(webview.defaultPrevented, true);
    const opened = electron.journal.all('shell.openExternal').map((e) => e.detail);
    assert.deepEqual(opened.slice(-1), ['https://example.org/from-a-pdf']);
  });

  await checks.check('pages are granted no permission', async () => {
    const handler = electron.permissionHandler();
    assert.ok(handler, 'no permission request handler');
    for (const permission of ['clipboard-read', 'clipboard-sanitized-write', 'notifications', 'media']) {
      const granted = await new Promise<boolean>((resolve) => handler(win.webContents, permission, resolve));
      assert.equal(granted, false, permission);
    }
  });
}

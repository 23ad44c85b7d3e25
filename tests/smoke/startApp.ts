import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFakeElectron, type FakeElectron, type FakeElectronOptions } from './electron/fakeElectron.js';
import type { FakeBrowserWindow } from './electron/fakeWindows.js';
import { loadMain, waitFor } from './harness.js';
import type { StagedApp } from './stageApp.js';

export interface SmokeContext {
  staged: StagedApp;
  /** A scratch folder for this smoke run. */
  work: string;
  /** The staged package.json, as electron-builder writes it. */
  pkg: { name: string; version: string; main: string; productName?: string; desktopName?: string };
  /** Every stand-in made during the run: their core processes are ended at the end. */
  started: FakeElectron[];
}

export type AppOptions = Partial<Pick<FakeElectronOptions, 'gotLock' | 'platform' | 'storageBackend' | 'encryptionAvailable' | 'systemLanguages'>>;

export function contextFor(staged: StagedApp, work: string): SmokeContext {
  const pkg = JSON.parse(readFileSync(join(staged.dir, 'package.json'), 'utf8')) as SmokeContext['pkg'];
  return { staged, work, pkg, started: [] };
}

/**
 * Loads the staged main bundle (the file package.json's `main` names) with a fresh stand-in
 * Electron and a fresh user-data folder; `platform` plays another OS while main loads.
 */
export function launch(ctx: SmokeContext, label: string, options: AppOptions = {}): FakeElectron {
  const userData = join(ctx.work, `userData-${label}`);
  mkdirSync(userData, { recursive: true });
  const electron = createFakeElectron({
    userData,
    appPath: ctx.staged.dir,
    version: ctx.pkg.version,
    name: ctx.pkg.productName ?? ctx.pkg.name,
    gotLock: options.gotLock ?? true,
    platform: options.platform ?? process.platform,
    storageBackend: options.storageBackend ?? 'gnome_libsecret',
    encryptionAvailable: options.encryptionAvailable ?? true,
    systemLanguages: options.systemLanguages,
  });
  ctx.started.push(electron);
  const realPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!;
  if (options.platform) Object.defineProperty(process, 'platform', { ...realPlatform, value: options.platform });
  try {
    loadMain(join(ctx.staged.dir, ctx.pkg.main), electron.module);
  } finally {
    Object.defineProperty(process, 'platform', realPlatform);
  }
  return electron;
}

/** Plays `ready` and waits for main's first window and its core process. */
export async function becomeReady(electron: FakeElectron): Promise<FakeBrowserWindow> {
  electron.app.becomeReady();
  await waitFor(() => electron.world.windows.length > 0, 'the main window');
  await electron.world.windows[0]!.webContents.lastLoad;
  return electron.world.windows[0]!;
}

/** Ends every core process the run started that is still running. */
export function endCoreProcesses(ctx: SmokeContext): void {
  for (const electron of ctx.started) for (const fork of electron.forks) fork.child.crash();
}

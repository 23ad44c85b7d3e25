import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sandboxedPreloadModules } from '../../support/electronRules.js';
import type { FakeElectron } from './fakeElectron.js';
import type { FakeWebContents } from './fakeWindows.js';

const nodeRequire = createRequire(import.meta.url);

export interface PreloadWorld {
  /** What the preload put on `window` with contextBridge.exposeInMainWorld. */
  exposed: Record<string, unknown>;
  /** Modules the preload asked for that a sandboxed preload cannot have. */
  refused: string[];
}

/**
 * Runs the preload bundle for a page the way a sandboxed renderer does: its `require` knows
 * only the few modules Electron's sandbox gives a preload, and its `electron` is the
 * renderer's side (contextBridge, ipcRenderer, webUtils), wired to main's ipcMain through
 * the stand-in, as that page's main frame.
 */
export function runPreload(preloadPath: string, electron: FakeElectron, page: FakeWebContents): PreloadWorld {
  const world: PreloadWorld = { exposed: {}, refused: [] };
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  // Events main sends to this page reach the preload's ipcRenderer.on listeners.
  const send = page.send.bind(page);
  page.send = (channel, payload) => {
    send(channel, payload);
    for (const listener of listeners.get(channel) ?? []) listener({ sender: null }, structuredClone(payload));
  };
  const rendererElectron = {
    contextBridge: {
      exposeInMainWorld(key: string, api: unknown) {
        world.exposed[key] = api;
      },
    },
    ipcRenderer: {
      invoke: (channel: string, payload: unknown) => electron.invoke(channel, page, page.mainFrame, structuredClone(payload)),
      send: (channel: string, payload: unknown) => electron.send(channel, page, page.mainFrame, structuredClone(payload)),
      on(channel: string, listener: (event: unknown, payload: unknown) => void) {
        listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
      },
      removeListener(channel: string, listener: (event: unknown, payload: unknown) => void) {
        listeners.get(channel)?.delete(listener);
      },
    },
    webUtils: { getPathForFile: (file: { path?: string }) => file.path ?? '' },
  };
  const sandboxRequire = (name: string) => {
    if (!sandboxedPreloadModules.has(name)) {
      world.refused.push(name);
      throw new Error(`module not found: ${name}`);
    }
    if (name.startsWith('electron')) return rendererElectron;
    return nodeRequire(name.replace(/^node:/, ''));
  };
  const module = { exports: {} };
  const run = new Function('require', 'module', 'exports', readFileSync(preloadPath, 'utf8'));
  run(sandboxRequire, module, module.exports);
  return world;
}

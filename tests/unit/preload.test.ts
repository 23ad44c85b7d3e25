import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeChannels } from '../../shared/channels.js';
import { dragOutChannel, dragOutPrepareChannel } from '../../shared/contract/transfers.js';
import { makeTempDir } from '../support/tempDir.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A stand-in for the few `electron` APIs the sandboxed preload may touch, recording calls. */
function fakeElectron() {
  const exposed: Record<string, unknown> = {};
  const invoked: [string, unknown][] = [];
  const sent: [string, unknown][] = [];
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  return {
    exposed,
    invoked,
    sent,
    listeners,
    module: {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer: {
        invoke: async (channel: string, payload: unknown) => {
          invoked.push([channel, payload]);
          return { ok: true, value: null };
        },
        send: (channel: string, payload: unknown) => void sent.push([channel, payload]),
        on: (channel: string, listener: (event: unknown, payload: unknown) => void) => listeners.set(channel, listener),
        removeListener: (channel: string) => listeners.delete(channel),
      },
      webUtils: { getPathForFile: () => '/from/webUtils' },
    },
  };
}

describe('the built preload, loaded as Electron would load it (sandboxed: it may require only electron)', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  const electron = fakeElectron();
  const required: string[] = [];

  beforeAll(async () => {
    dir = await makeTempDir('preload');
    const outfile = join(dir.path, 'preload.cjs');
    await build({ entryPoints: [join(root, 'electron/preload/preload.ts')], bundle: true, platform: 'node', format: 'cjs', external: ['electron'], outfile, logLevel: 'silent' });
    const load = createRequire(outfile);
    const Module = load('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
    const original = Module._load;
    Module._load = function (request: string, ...rest: unknown[]) {
      if (request !== outfile) required.push(request);
      return request === 'electron' ? electron.module : original.call(this, request, ...rest);
    };
    try {
      load(outfile);
    } finally {
      Module._load = original;
    }
  });
  afterAll(() => dir.remove());

  it('requires nothing but electron', () => {
    expect([...new Set(required)]).toEqual(['electron']);
  });

  it('exposes only window.stowage, with one function per operation', async () => {
    expect(Object.keys(electron.exposed)).toEqual(['stowage']);
    const api = electron.exposed.stowage as Record<string, Record<string, (arg?: unknown) => unknown>>;
    for (const channel of invokeChannels) {
      const [domain, op] = channel.split(':') as [string, string];
      expect(typeof api[domain]?.[op], channel).toBe('function');
    }
    await api.fs!.list!({ connectionId: 'c', path: '/' });
    expect(electron.invoked).toEqual([['fs:list', { connectionId: 'c', path: '/' }]]);
  });

  it('hands listeners the payload only, and unsubscribes', () => {
    const api = electron.exposed.stowage as Record<string, Record<string, (arg: unknown) => () => void>>;
    const seen: unknown[] = [];
    const unsubscribe = api.transfers!.onProgress!((payload: unknown) => seen.push(payload));
    electron.listeners.get('transfers:progress')!({ sender: 'the IpcRendererEvent' }, [{ id: 't1' }]);
    expect(seen).toEqual([[{ id: 't1' }]]);
    unsubscribe();
    expect(electron.listeners.has('transfers:progress')).toBe(false);
  });

  it('gets dropped files’ paths from webUtils', async () => {
    const api = electron.exposed.stowage as { local: { pathForDroppedFile(file: unknown): Promise<string> } };
    expect(await api.local.pathForDroppedFile({ name: 'x' })).toBe('/from/webUtils');
  });

  it('drag-out: prepares through main, and starts with a send that leaves before the dragstart handler returns', async () => {
    const api = electron.exposed.stowage as { local: { prepareDragOut(r: unknown): Promise<unknown>; startDragOut(paths: string[]): void; dragsToDesktop: boolean } };
    expect(api.local.dragsToDesktop).toBe(true);
    electron.invoked.length = 0;
    await api.local.prepareDragOut({ connectionId: 'c', remotePaths: ['/b/a.txt'] });
    expect(electron.invoked).toEqual([[dragOutPrepareChannel, { connectionId: 'c', remotePaths: ['/b/a.txt'] }]]);
    // Synchronous (ipcRenderer.send): nothing is awaited between dragstart and main's startDrag.
    api.local.startDragOut(['/tmp/stowage-drag-out/x/a.txt']);
    expect(electron.sent).toEqual([[dragOutChannel, { paths: ['/tmp/stowage-drag-out/x/a.txt'] }]]);
  });
});

/**
 * A stand-in for the `electron` module main imports: each API main uses, with the rules
 * Electron enforces that main could get wrong (what must happen before or after `ready`, one
 * handler per channel, an empty drag icon, sync safeStorage marked deprecated). It records
 * what main asked for in a journal the checks read. Any API it lacks throws when main
 * reaches for it, so new Electron use shows up here first.
 */
import { FakeApp, type FakeAppOptions } from './fakeApp.js';
import { fakeUtilityProcessModule, type ForkRecord } from './fakeUtilityProcess.js';
import { electronEvent, Journal } from './journal.js';
import { FakeNativeImage, FakeWebContents, windowClassFor, type FrameLike, type WindowWorld } from './fakeWindows.js';

type Handler = (event: IpcEvent, payload: unknown) => unknown;
export interface IpcEvent {
  sender: FakeWebContents;
  senderFrame: FrameLike | null;
  processId: number;
  frameId: number;
}

export interface FakeElectronOptions extends FakeAppOptions {
  /** What safeStorage finds: Linux's backend, and whether encryption works at all. */
  storageBackend: string;
  encryptionAvailable: boolean;
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

export function createFakeElectron(options: FakeElectronOptions) {
  let app: FakeApp;
  const journal = new Journal(() => app?.ready ?? false);
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const world: WindowWorld = {
    journal,
    contents: [],
    windows: [],
    async fetchPage(url, init) {
      const handler = protocolHandlers.get(new URL(url).protocol.replace(/:$/, ''));
      return handler ? handler(new Request(url, init)) : new Response('no handler', { status: 404 });
    },
    contentsCreated: (contents) => app.emit('web-contents-created', electronEvent(), contents),
  };
  app = new FakeApp(options, journal, () => world.windows.forEach((w) => w.close()));
  const BrowserWindow = windowClassFor(world);
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Handler[]>();
  const forks: ForkRecord[] = [];
  const errorBoxes: [string, string][] = [];
  let clipboardText = '';
  let permissionHandler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;

  const needsReady = (what: string) => {
    if (!app.ready) throw new Error(`${what} can only be used after the app is ready`);
  };
  const protocol = {
    registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]) {
      journal.note('protocol.registerSchemesAsPrivileged', schemes);
      if (app.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
      journal.note('protocol.handle', scheme);
      needsReady('protocol.handle');
      if (protocolHandlers.has(scheme)) throw new Error(`Protocol ${scheme} is already handled`);
      protocolHandlers.set(scheme, handler);
    },
    isProtocolHandled: (scheme: string) => protocolHandlers.has(scheme),
  };
  const defaultSession = {
    protocol,
    setPermissionRequestHandler(handler: typeof permissionHandler) {
      journal.note('session.setPermissionRequestHandler');
      permissionHandler = handler;
    },
    setPermissionCheckHandler() {
      journal.note('session.setPermissionCheckHandler');
    },
    resolveProxy: async () => 'DIRECT',
  };
  const deprecated = (name: string) => journal.note('deprecated', name);

  const electron = {
    app,
    BrowserWindow,
    protocol,
    session: {
      get defaultSession() {
        needsReady('session.defaultSession');
        return defaultSession;
      },
    },
    ipcMain: {
      handle(channel: string, handler: Handler) {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        handlers.set(channel, handler);
      },
      removeHandler: (channel: string) => handlers.delete(channel),
      on(channel: string, listener: Handler) {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      },
    },
    webContents: {
      getAllWebContents: () => [...world.contents],
      fromId: (id: number) => world.contents.find((c) => c.id === id),
    },
    nativeImage: {
      createFromPath(path: string) {
        journal.note('nativeImage.createFromPath', path);
        return FakeNativeImage.fromPath(path);
      },
      createEmpty: () => new FakeNativeImage(undefined, { width: 0, height: 0 }),
    },
    dialog: {
      showErrorBox(title: string, content: string) {
        journal.note('dialog.showErrorBox', { title, content });
        errorBoxes.push([title, content]);
      },
      showOpenDialog: async (...args: unknown[]) => {
        journal.note('dialog.showOpenDialog', args.at(-1));
        return { canceled: true, filePaths: [] };
      },
      showMessageBox: async () => ({ response: 0, checkboxChecked: false }),
    },
    shell: {
      // Electron answers an error text, '' on success.
      openPath: async (path: string) => {
        journal.note('shell.openPath', path);
        return '';
      },
      showItemInFolder: (path: string) => journal.note('shell.showItemInFolder', path),
      openExternal: async (url: string) => journal.note('shell.openExternal', url),
    },
    clipboard: {
      writeText(text: string) {
        journal.note('clipboard.writeText');
        clipboardText = text;
      },
      readText: () => clipboardText,
    },
    safeStorage: {
      isAsyncEncryptionAvailable: async () => options.encryptionAvailable,
      getSelectedStorageBackend: () => (app.ready ? options.storageBackend : 'unknown'),
      encryptStringAsync: async (plain: string) => {
        journal.note('safeStorage.encryptStringAsync');
        return Buffer.from(`sealed:${plain}`);
      },
      decryptStringAsync: async (sealed: Buffer) => ({ shouldReEncrypt: false, result: sealed.toString().replace(/^sealed:/, '') }),
      isEncryptionAvailable: () => (deprecated('safeStorage.isEncryptionAvailable'), options.encryptionAvailable),
      encryptString: (plain: string) => (deprecated('safeStorage.encryptString'), Buffer.from(`sealed:${plain}`)),
      decryptString: (sealed: Buffer) => (deprecated('safeStorage.decryptString'), sealed.toString().replace(/^sealed:/, '')),
    },
    utilityProcess: fakeUtilityProcessModule(journal, forks),
    Notification: class {
      static isSupported = () => true;
      constructor(readonly options: unknown) {}
      on() {
        return this;
      }
      show() {
        journal.note('Notification.show', this.options);
      }
    },
    net: { fetch: (input: string, init?: RequestInit) => fetch(input, init), isOnline: () => true },
  };

  return {
    /** The module main's `require('electron')` gets: unknown members throw. */
    module: strict(electron, 'electron'),
    app,
    journal,
    world,
    handlers,
    listeners,
    forks,
    errorBoxes,
    permissionHandler: () => permissionHandler,
    clipboardText: () => clipboardText,
    /** A page in a window of its own that is not main's: another origin, or one whose send throws. */
    extraContents: () => new FakeWebContents(world),
    /** Plays `ipcRenderer.invoke` from a frame of `sender`. */
    invoke(channel: string, sender: FakeWebContents, frame: FrameLike | null, payload: unknown) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return Promise.resolve(handler({ sender, senderFrame: frame, processId: 1, frameId: 1 }, payload));
    },
    /** Plays `ipcRenderer.send`. */
    send(channel: string, sender: FakeWebContents, frame: FrameLike | null, payload: unknown) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender, senderFrame: frame, processId: 1, frameId: 1 }, payload);
    },
  };
}

/** Wraps a module so that reading a member it does not have throws with the member's name. */
function strict<T extends object>(target: T, path: string): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'symbol' || key === '__esModule' || key === 'default' || key === 'then') return Reflect.get(object, key, receiver);
      if (!(key in object)) throw new Error(`The stand-in Electron has no ${path}.${key}: add it to tests/smoke/electron/ if main now uses it.`);
      return Reflect.get(object, key, receiver);
    },
  });
}

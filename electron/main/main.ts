import { homedir } from 'node:os';
import { app, BrowserWindow, clipboard, dialog, session, shell } from 'electron';
import { messageOf } from '../core/errors.js';
import type { RemoteCore } from './remoteCore.js';
import { appFiles } from './appFiles.js';
import { setWindowsAppIdentity } from './appIdentity.js';
import { registerAppScheme, serveRenderer } from './appProtocol.js';
import { startCoreProcess } from './coreProcess.js';
import { registerIpc } from './ipcBridge.js';
import { stopCoreBeforeQuit } from './quitting.js';
import { resolveSystemProxy } from './systemProxy.js';
import { createSafeStorageBox } from './secretBox.js';
import { claimSingleInstance } from './singleInstance.js';
import { createMainWindow } from './window.js';
import { guardEveryContents } from './contentsGuard.js';
import { mainWords, speakAs } from './mainWords.js';
import { PreferencesStore } from '../core/app/preferences.js';
import { signInPageOpener } from './signInPage.js';

let core: RemoteCore | undefined;

async function start(): Promise<void> {
  await app.whenReady();
  // No permission (camera, notifications, ...) is ever needed by a file manager.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  serveRenderer(appFiles.rendererDir, () => core);
  const systemLanguages = app.getPreferredSystemLanguages();
  speakAs((await new PreferencesStore(app.getPath('userData')).load()).language, systemLanguages);
  core = await startCoreProcess(
    {
      setup: {
        dataDir: app.getPath('userData'),
        homeDir: homedir(),
        appVersion: app.getVersion(),
        platform: process.platform,
        systemLanguages,
        // `npm run demo` opens the app with its sample servers saved.
        importConnectionsFrom: process.env.STOWAGE_IMPORT_CONNECTIONS,
      },
      secretBox: await createSafeStorageBox(),
      // shell.openPath answers an error text, '' on success.
      openLocally: async (path) => {
        const failure = await shell.openPath(path);
        if (failure) throw new Error(failure);
      },
      showInFolder: async (path) => shell.showItemInFolder(path),
      // The OS proxy (and PAC) for each URL the core reaches, as Chromium resolves it.
      resolveProxy: resolveSystemProxy,
      // The windows get no clipboard permission: copying goes through main.
      copyText: async (text) => clipboard.writeText(text),
      openSignInPage: signInPageOpener((url) => shell.openExternal(url)),
      dialogs: {
        async chooseFolder(title) {
          const parent = BrowserWindow.getFocusedWindow();
          const options = { title: title ?? mainWords.t('main:chooseFolder'), properties: ['openDirectory', 'createDirectory'] as const };
          const result = parent
            ? await dialog.showOpenDialog(parent, { ...options, properties: [...options.properties] })
            : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
      },
    },
    (line) => console.warn(line),
  );
  registerIpc(core);
  createMainWindow(appFiles.preload);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(appFiles.preload);
  });
}

if (claimSingleInstance()) {
  setWindowsAppIdentity();
  registerAppScheme();
  guardEveryContents();
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  stopCoreBeforeQuit(() => core);
  start().catch((error: unknown) => {
    dialog.showErrorBox(mainWords.t('main:couldNotStart'), messageOf(error));
    app.exit(1);
  });
} else {
  // Another Stowage runs for this user: it shows its window, this one ends before ready.
  app.quit();
}

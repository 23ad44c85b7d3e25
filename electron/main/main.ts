import { homedir } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { messageOf } from '../core/errors.js';
import type { RemoteCore } from '../core/process/remoteCore.js';
import { registerAppScheme, serveRenderer } from './appProtocol.js';
import { startCoreProcess } from './coreProcess.js';
import { registerIpc } from './ipcBridge.js';
import { createSafeStorageBox } from './secretBox.js';
import { createMainWindow } from './window.js';

registerAppScheme();
let core: RemoteCore | undefined;

async function start(): Promise<void> {
  await app.whenReady();
  // No permission (camera, notifications, ...) is ever needed by a file manager.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  serveRenderer(join(__dirname, '../renderer'));
  core = await startCoreProcess(
    {
      setup: {
        dataDir: app.getPath('userData'),
        homeDir: homedir(),
        appVersion: app.getVersion(),
        platform: process.platform,
        // `npm run demo` opens the app with its sample servers saved.
        importConnectionsFrom: process.env.STOWAGE_IMPORT_CONNECTIONS,
      },
      secretBox: createSafeStorageBox(),
      // shell.openPath answers an error text, '' on success.
      openLocally: async (path) => {
        const failure = await shell.openPath(path);
        if (failure) throw new Error(failure);
      },
      showInFolder: async (path) => shell.showItemInFolder(path),
      dialogs: {
        async chooseFolder(title) {
          const parent = BrowserWindow.getFocusedWindow();
          const options = { title: title ?? 'Choose a folder', properties: ['openDirectory', 'createDirectory'] as const };
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
  const preload = join(__dirname, '../preload/preload.cjs');
  createMainWindow(preload);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(preload);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
// Quitting waits for the core process to save the queue's checkpoints (it is killed after 10 s).
let coreStopped = false;
app.on('before-quit', (event) => {
  if (coreStopped || !core) return;
  event.preventDefault();
  coreStopped = true;
  void core.shutdown().finally(() => app.quit());
});

start().catch((error: unknown) => {
  dialog.showErrorBox('Stowage could not start', messageOf(error));
  app.exit(1);
});

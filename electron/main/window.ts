import { BrowserWindow } from 'electron';
import { appFiles } from './appFiles.js';
import { appOrigin } from './security.js';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 760,
    minWidth: 720,
    minHeight: 460,
    title: 'Stowage',
    show: false,
    icon: appFiles.icon,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // Chromium's PDF viewer, for Quick Look's PDFs (streamed from the app's own protocol); Electron has no other plugin.
      // Its guest page is guarded like this window by guardEveryContents (contentsGuard.ts), which main sets up first.
      plugins: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${appOrigin}/index.html`);
  return win;
}

/** Brings the app's window to the front (a second launch, a click on a notification). */
export function focusMainWindow(): void {
  const win = BrowserWindow.getAllWindows()[0];
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

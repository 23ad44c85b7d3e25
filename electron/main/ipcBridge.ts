import { BrowserWindow, ipcMain, webContents } from 'electron';
import { invokeChannels } from '../../shared/channels.js';
import type { Core } from '../core/createCore.js';
import { isTrustedSender } from './security.js';

/** Registers one handler per contract operation; every call checks its sender first. */
export function registerIpc(core: Core): void {
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { kind: 'permission', message: 'Refused: not the app window.' } };
      }
      return core.dispatch(channel, payload);
    });
  }
  core.events.subscribe((channel, payload) => {
    for (const contents of webContents.getAllWebContents()) {
      if (!contents.isDestroyed() && isTrustedSender(contents.mainFrame)) contents.send(channel, payload);
    }
  });
  core.events.subscribe((channel, payload) => {
    if (channel !== 'transfers:progress') return;
    const running = core.transfers.list().filter((t) => t.state === 'running');
    const total = running.reduce((sum, t) => sum + (t.size ?? 0), 0);
    const done = running.reduce((sum, t) => sum + t.bytesDone, 0);
    const fraction = total > 0 ? done / total : -1;
    for (const win of BrowserWindow.getAllWindows()) win.setProgressBar(running.length ? fraction : -1);
    void payload;
  });
}

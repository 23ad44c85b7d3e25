import { BrowserWindow, ipcMain, webContents } from 'electron';
import { invokeChannels } from '../../shared/channels.js';
import type { TransferSnapshot } from '../../shared/transfers.js';
import { messageOf } from '../core/errors.js';
import { parseRequest } from '../core/ipc/dispatch.js';
import type { RemoteCore } from './remoteCore.js';
import { ActiveTransfers } from './activeTransfers.js';
import { FinishedBatch } from './finishedBatch.js';
import { noTaskbarProgress, taskbarChanged, taskbarProgress } from './taskbarProgress.js';
import { appFiles } from './appFiles.js';
import { notifyIfAway } from './batchNotification.js';
import { registerDragOut } from './dragOut.js';
import { isTrustedSender } from './security.js';
import { mainWords, speakAs } from './mainWords.js';
import type { LanguageSetting } from '../../shared/i18n/languages.js';

/** Registers one handler per contract operation; every call checks its sender first. */
export function registerIpc(core: RemoteCore): void {
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { kind: 'permission', message: mainWords.t('main:refusedFrame') } };
      }
      const checked = parseRequest(channel, payload);
      if (!checked.ok) return checked;
      const answer = core.dispatch(channel, checked.value);
      if (channel === 'app:setLanguage') void answer.then((r) => r.ok && followLanguage(checked.value));
      return answer;
    });
  }
  // One window that cannot take an event (closing, or a payload it cannot clone) must not
  // keep it from the others.
  core.events.subscribe((channel, payload) => {
    for (const contents of webContents.getAllWebContents()) {
      try {
        if (!contents.isDestroyed() && isTrustedSender(contents.mainFrame)) contents.send(channel, payload);
      } catch (error) {
        console.warn(`${channel} not sent to a window: ${messageOf(error)}`);
      }
    }
  });
  registerDragOut(ipcMain, core, appFiles.icon);
  // The taskbar/dock bar follows the whole queue and clears when it goes idle (then a
  // notification sums the batch up, if the user is elsewhere). It is redrawn at most every
  // 200 ms: a dropped folder of thousands of files changes often.
  const active = new ActiveTransfers();
  const batch = new FinishedBatch();
  let shown = noTaskbarProgress;
  let pending: NodeJS.Timeout | undefined;
  const redraw = () => {
    pending = undefined;
    const unfinished = active.list();
    const next = taskbarProgress(unfinished);
    const notice = batch.takeIfIdle(unfinished);
    if (notice) notifyIfAway(notice);
    if (!taskbarChanged(shown, next)) return;
    shown = next;
    for (const win of BrowserWindow.getAllWindows()) win.setProgressBar(next.value, { mode: next.mode });
  };
  core.events.subscribe((channel, payload) => {
    if (channel === 'transfers:changed') batch.note(payload as TransferSnapshot);
    if (active.apply(channel, payload) && !pending) pending = setTimeout(redraw, 200);
  });
}

/** Main's notifications and dialogs switch with the window once the setting is saved. */
function followLanguage(request: unknown): void {
  speakAs((request as { setting: LanguageSetting }).setting);
}

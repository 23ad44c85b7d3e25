import { BrowserWindow, Notification } from 'electron';
import type { BatchNotice } from './finishedBatch.js';
import { focusMainWindow } from './window.js';

/** Tells the user a batch of transfers ended, when they are in another app; a click brings the window back. */
export function notifyIfAway(notice: BatchNotice): void {
  if (!Notification.isSupported() || BrowserWindow.getFocusedWindow()) return;
  const notification = new Notification({ title: notice.title, body: notice.body });
  notification.on('click', () => focusMainWindow());
  notification.show();
}

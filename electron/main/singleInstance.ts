import { app } from 'electron';
import { focusMainWindow } from './window.js';

/**
 * One Stowage per user: a second one would run a second core on the same connections,
 * queue and checkpoints. False when another Stowage holds the lock (this one then quits,
 * and that one shows its window, told by its 'second-instance' event).
 */
export function claimSingleInstance(): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => focusMainWindow());
  return true;
}

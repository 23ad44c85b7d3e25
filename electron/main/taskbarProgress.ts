import { underwayStates, type TransferSnapshot } from '../../shared/transfers.js';

/** What the OS taskbar/dock bar shows (Electron's BrowserWindow.setProgressBar arguments). */
export interface TaskbarProgress {
  /** 0..1; -1 removes the bar; above 1 is Electron's "indeterminate". */
  value: number;
  /** Windows colours the bar: paused (yellow) when nothing is moving but work is left. */
  mode: 'none' | 'normal' | 'paused' | 'indeterminate';
}

export const noTaskbarProgress: TaskbarProgress = { value: -1, mode: 'none' };

/**
 * The queue's aggregate progress over the transfers still to do: queued, running and
 * waiting for a conflict answer. Paused and finished ones do not count, so the bar
 * clears when the queue goes idle.
 */
export function taskbarProgress(transfers: readonly TransferSnapshot[]): TaskbarProgress {
  let total = 0;
  let done = 0;
  let moving = false;
  let sizeUnknown = false;
  let any = false;
  for (const t of transfers) {
    if (!underwayStates.includes(t.state)) continue;
    any = true;
    if (t.state !== 'waiting') moving = true;
    if (t.size === undefined) sizeUnknown = true;
    total += t.size ?? 0;
    done += Math.min(t.bytesDone, t.size ?? t.bytesDone);
  }
  if (!any) return noTaskbarProgress;
  if (total === 0 && sizeUnknown) return { value: 2, mode: 'indeterminate' };
  // An all-empty batch (zero-byte files) has nothing to show but is not done yet.
  const value = total > 0 ? Math.min(1, done / total) : 0;
  return { value, mode: moving ? 'normal' : 'paused' };
}

/** True when the bar must be redrawn (skips identical updates and sub-0.1% moves). */
export function taskbarChanged(before: TaskbarProgress, after: TaskbarProgress): boolean {
  return before.mode !== after.mode || Math.abs(before.value - after.value) >= 0.001;
}

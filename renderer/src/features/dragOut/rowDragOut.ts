/**
 * Dragging rows of the file list out to the OS. Electron starts an OS drag only from inside
 * the page's dragstart handling, and only with files that exist on disk. So:
 * - rows whose local copies are ready drag at once: the handler sends their paths and main
 *   starts the OS drag while the button is still down;
 * - otherwise the drag stays inside the page (dropping it in the window does nothing); when
 *   it leaves the window the items start downloading, and the chip offers them once ready.
 * A few small selected files are fetched ahead when the user presses on them, so their
 * first drag is usually already an OS drag.
 */
import type { FileEntry } from '../../../../shared/files.js';
import { isLocalConnection } from '../../../../shared/localDisk.js';
import { api } from '../../api/client.js';
import { getTab, selectedEntries } from '../browser/browserStore.js';
import { selectOnly } from '../browser/selection.js';
import { prefetchForDrag, prepareForDrag, readyCopiesFor } from './dragOutStore.js';
import { LeaveWatch, outsideViewport } from './leaveWatch.js';
import { draggableEntries } from './readyCopies.js';

/** Marks the page's own row drag, which carries no files (drop targets for OS files ignore it). */
export const rowDragType = 'application/x-stowage-rows';

let stopWatching: (() => void) | undefined;

/** The selection when the row is in it; otherwise just the row (which becomes the selection). */
function draggedWith(connectionId: string, entry: FileEntry): FileEntry[] {
  const tab = getTab(connectionId);
  if (!tab) return [];
  if (tab.selection.has(entry.path)) return draggableEntries(tab.protocol, selectedEntries(tab));
  selectOnly(connectionId, entry.path);
  return draggableEntries(tab.protocol, [entry]);
}

export function startRowDrag(event: React.DragEvent, connectionId: string, entry: FileEntry): void {
  const entries = draggedWith(connectionId, entry);
  if (entries.length === 0) {
    event.preventDefault();
    return;
  }
  // Rows of this computer's disk drag between the split view's panes only: nothing to fetch for the desktop.
  if (isLocalConnection(connectionId)) {
    event.dataTransfer.effectAllowed = 'copy';
    event.dataTransfer.setData(rowDragType, String(entries.length));
    return;
  }
  const ready = readyCopiesFor(connectionId, entries);
  if (ready) {
    // The OS drag takes the place of the page's.
    event.preventDefault();
    api().local.startDragOut(ready);
    return;
  }
  event.dataTransfer.effectAllowed = 'copy';
  event.dataTransfer.setData(rowDragType, String(entries.length));
  watchLeavingWindow(() => void prepareForDrag(connectionId, entries));
}

/** A plain press on a selected row is how a drag of the selection begins. */
export function pressRow(event: React.PointerEvent, connectionId: string, entry: FileEntry): void {
  if (event.button !== 0 || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey || isLocalConnection(connectionId)) return;
  const tab = getTab(connectionId);
  if (!tab?.selection.has(entry.path)) return;
  prefetchForDrag(connectionId, draggableEntries(tab.protocol, selectedEntries(tab)));
}

/** Calls `onLeft` once if the drag now under way leaves the window (see LeaveWatch). */
function watchLeavingWindow(onLeft: () => void): void {
  stopWatching?.();
  const watch = new LeaveWatch(onLeft);
  const leave = (e: DragEvent) => watch.leave(e.relatedTarget === null);
  const over = () => watch.over();
  const end = (e: DragEvent) => {
    watch.end(e.dataTransfer?.dropEffect === 'none' && outsideViewport(e.clientX, e.clientY, window.innerWidth, window.innerHeight));
    stop();
  };
  // The mouse moves again only after the drag ended: a drag whose row left the page (the
  // list scrolled) ends without a dragend reaching the document.
  const moved = () => {
    watch.end(false);
    stop();
  };
  const listeners = [
    ['dragleave', leave],
    ['dragenter', over],
    ['dragover', over],
    ['dragend', end],
    ['mousemove', moved],
  ] as const;
  const stop = () => {
    for (const [type, listener] of listeners) document.removeEventListener(type, listener as EventListener, true);
    if (stopWatching === stop) stopWatching = undefined;
  };
  for (const [type, listener] of listeners) document.addEventListener(type, listener as EventListener, true);
  stopWatching = stop;
}

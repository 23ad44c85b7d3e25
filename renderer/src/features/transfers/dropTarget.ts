/**
 * Drag and drop on the file list: files from the OS dropped on a folder row go into that
 * folder; dragging selected rows out starts a download-then-OS-drag in main.
 */
import type { FileEntry } from '../../../../shared/files.js';
import { api } from '../../api/client.js';
import { isContainer } from '../../lib/entries.js';
import { getTab, selectedEntries } from '../../state/browser.js';
import { selectOnly } from '../../state/selection.js';

let marked: HTMLElement | null = null;

/** The folder (or bucket) row under the pointer, if any. */
export function folderRowAt(target: EventTarget | null, view: readonly FileEntry[]): FileEntry | undefined {
  const row = target instanceof Element ? target.closest<HTMLElement>('[role="row"][data-path]') : null;
  const path = row?.dataset.path;
  const entry = path ? view.find((e) => e.path === path) : undefined;
  return entry && isContainer(entry) ? entry : undefined;
}

/** Highlights the folder row a drop would go into (a class, so memoised rows need not re-render). */
export function markDropRow(target: EventTarget | null, folder: FileEntry | undefined): void {
  const row = folder && target instanceof Element ? target.closest<HTMLElement>('[role="row"][data-path]') : null;
  if (row === marked) return;
  marked?.classList.remove('drop-target');
  row?.classList.add('drop-target');
  marked = row;
}

/** Starts dragging the selection (or the row under the pointer) out to the OS. */
export function startDragOut(event: React.DragEvent, connectionId: string, entry: FileEntry): void {
  // The OS drag is started by main once the files are on disk; no in-page drag.
  event.preventDefault();
  const tab = getTab(connectionId);
  if (!tab) return;
  if (!tab.selection.has(entry.path)) selectOnly(connectionId, entry.path);
  const entries = tab.selection.has(entry.path) ? selectedEntries(tab) : [entry];
  const remotePaths = entries.filter((e) => !(tab.protocol === 's3' && e.kind === 'bucket')).map((e) => e.path);
  if (remotePaths.length) api().local.startDragOut({ connectionId, remotePaths });
}

/**
 * Dropping on the file list: files from the OS dropped on a folder row go into that folder.
 * Dragging rows out to the OS lives in features/dragOut.
 */
import type { FileEntry } from '../../../../shared/files.js';
import { isContainer } from '../../lib/entries.js';

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

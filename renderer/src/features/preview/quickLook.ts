/** Which files Quick Look can show, opening it on the list's focus, and moving it along the list. */
import type { FileEntry } from '../../../../shared/files.js';
import { isFolderObject } from '../s3/folderObject.js';
import { getTab, viewOf } from '../browser/browserStore.js';
import { selectOnly } from '../browser/selection.js';
import { quickLookDialog } from './dialogs.js';

/** A file with bytes of its own (not a folder, bucket, link to a folder, deleted object or folder object). */
export function canQuickLook(entry: FileEntry | undefined): entry is FileEntry {
  if (!entry || entry.deleted || isFolderObject(entry)) return false;
  return entry.kind === 'file' || (entry.kind === 'symlink' && entry.linkTargetKind === 'file');
}

/** Opens Quick Look on `entry`, or on the list's focused file; false when there is no file to show. */
export function openQuickLook(connectionId: string, entry?: FileEntry): boolean {
  const tab = getTab(connectionId);
  const target = entry ?? (tab ? viewOf(tab).find((e) => e.path === tab.focus) : undefined);
  if (!canQuickLook(target)) return false;
  void quickLookDialog.open({ connectionId, path: target.path });
  return true;
}

/** The file before or after `path` in the list as shown (sorted, filtered), skipping folders; undefined at either end. */
export function neighbourFile(connectionId: string, path: string, step: 1 | -1): FileEntry | undefined {
  const tab = getTab(connectionId);
  if (!tab) return undefined;
  const view = viewOf(tab);
  const at = view.findIndex((e) => e.path === path);
  for (let i = at + step; at >= 0 && i >= 0 && i < view.length; i += step) if (canQuickLook(view[i])) return view[i];
  return undefined;
}

/** Shows the neighbour in Quick Look and selects it in the list, so closing leaves the list there. */
export function moveQuickLook(connectionId: string, path: string, step: 1 | -1): void {
  const next = neighbourFile(connectionId, path, step);
  if (!next) return;
  selectOnly(connectionId, next.path, true);
  void quickLookDialog.open({ connectionId, path: next.path });
}

/** The list's entry for a path (its name, size, date and class for the facts beside the preview). */
export function listedEntry(connectionId: string, path: string): FileEntry | undefined {
  const tab = getTab(connectionId);
  return tab?.entries.find((e) => e.path === path);
}

/** Delete, rename, move and copy from the browser: confirmation, the calls, a clear report. */
import type { DeleteReport, FileEntry, Protocol } from '../../../../shared/files.js';
import { baseName, childPath, parentPath } from '../../../../shared/paths.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { formatBytes } from '../../lib/format.js';
import { t } from '../../i18n/i18n.js';
import { errorText } from '../../i18n/errorText.js';
import { getTab, selectedEntries, useBrowser, viewOf } from './browserStore.js';
import { askConfirm } from '../../state/dialogs.js';
import { loadListing, refresh } from './navigation.js';
import { showError, showFailure, showInfo } from '../../state/toasts.js';
import { folderObjectText, isFolderObject } from '../s3/folderObject.js';
import { actionDialog, showActionDialog } from './dialogs.js';
import { openDeleteBucket } from '../buckets/dialogs.js';
import { deleteConsequence } from '../buckets/deletedObjects.js';
import { newOperationId, useOperationProgress } from './operationProgressStore.js';

function closeProgress(operationId: string): void {
  const open = actionDialog.current();
  if (open?.kind === 'progress' && open.operationId === operationId) actionDialog.close();
  useOperationProgress.getState().forget(operationId);
}

/** The selection, or the row under the keyboard cursor when nothing is selected. */
export function actionTargets(connectionId: string): FileEntry[] {
  const tab = getTab(connectionId);
  if (!tab) return [];
  const selected = selectedEntries(tab);
  if (selected.length) return selected;
  const focused = viewOf(tab).find((e) => e.path === tab.focus);
  return focused ? [focused] : [];
}

const isBucket = (e: FileEntry) => e.kind === 'bucket';
const tab = (connectionId: string) => getTab(connectionId)?.protocol;

function describeSummary(entries: FileEntry[], files: number, folders: number, bytes: number, consequence: string): string {
  const fileCount = t('browser:delete.files', { count: files });
  const contents = folders > 0 ? t('browser:delete.filesInFolders', { files: fileCount, folders: t('browser:delete.folders', { count: folders }) }) : fileCount;
  const size = formatBytes(bytes);
  if (entries.length === 1) return t('browser:delete.summaryOne', { name: entries[0]!.name || t('browser:delete.emptyName'), contents, size, consequence });
  return t('browser:delete.summaryMany', { count: entries.length, contents, size, consequence });
}

/** Counts what goes, asks once, deletes, and reports every failure. */
export async function deleteTargets(connectionId: string, entries = actionTargets(connectionId)): Promise<void> {
  // Deleted objects (Show deleted) are gone already: deleting again would only stack markers.
  const targets = entries.filter((e) => !isBucket(e) && !e.deleted);
  // A bucket goes through its own dialog (count, type its name, empty and delete), one at a time.
  const buckets = entries.filter(isBucket);
  if (targets.length === 0 && buckets.length === 1) openDeleteBucket(connectionId, buckets[0]!.name);
  if (targets.length === 0) return;
  // A folder object's path ends in "/", which fs:delete takes as its whole folder: it goes by its one key.
  const objects = targets.filter(isFolderObject);
  const paths = targets.filter((e) => !isFolderObject(e)).map((e) => e.path);
  let message: string;
  try {
    const summary = paths.length ? await unwrap(api().fs.summarize({ connectionId, paths })) : { files: 0, folders: 0, bytes: 0 };
    const objectBytes = objects.reduce((sum, e) => sum + (e.size ?? 0), 0);
    const consequence = tab(connectionId) === 's3' ? await deleteConsequence(connectionId, targets[0]!.path) : t('browser:delete.cannotUndo');
    message = describeSummary(targets, summary.files + objects.length, summary.folders, summary.bytes + objectBytes, consequence);
  } catch (caught) {
    showFailure(caught, t('browser:delete.countFailed'));
    return;
  }
  const ok = await askConfirm({ title: t('browser:delete.title'), message, confirmLabel: t('browser:delete.confirm'), danger: true });
  if (!ok) return;
  const operationId = newOperationId();
  showActionDialog({ kind: 'progress', operationId, title: targets.length === 1 ? t('browser:delete.deletingOne', { name: targets[0]!.name }) : t('browser:delete.deleting', { count: targets.length }) });
  try {
    const report: DeleteReport = paths.length ? await unwrap(api().fs.delete({ connectionId, paths, operationId })) : { deleted: 0, failed: [] };
    for (const { path } of objects) {
      try {
        await unwrap(api().s3.deleteObject({ connectionId, path }));
        report.deleted++;
      } catch (caught) {
        report.failed.push({ path, message: toApiError(caught).message });
      }
    }
    if (report.failed.length) {
      const first = report.failed.slice(0, 3).map((f) => `${baseName(f.path) || f.path}: ${errorText({ kind: 'internal', ...f })}`);
      const more = report.failed.length > 3 ? ` ${t('browser:delete.andMore', { count: report.failed.length - 3 })}` : '';
      showError(`${first.join('\n')}${more}`, t('browser:delete.notDeleted', { count: report.failed.length, deleted: report.deleted }));
    } else {
      showInfo(tab(connectionId) === 's3' ? t('browser:delete.deletedObjects', { count: report.deleted }) : t('browser:delete.deletedItems', { count: report.deleted }));
    }
  } catch (caught) {
    const error = toApiError(caught);
    if (error.kind === 'cancelled') showInfo(error.message);
    else showError(error.message, t('browser:delete.failed'));
  } finally {
    closeProgress(operationId);
  }
  refresh(connectionId);
}

/** A folder object's path would rename, copy or move its whole folder: say so instead. */
function refusesFolderObject(entries: FileEntry[]): boolean {
  if (!entries.some(isFolderObject)) return false;
  showInfo(folderObjectText.notMoved);
  return true;
}

/** F2: edits the one target's name in its row (see RenameField). */
export function startRename(connectionId: string): void {
  const [entry, ...rest] = actionTargets(connectionId);
  if (!entry || rest.length || isBucket(entry) || entry.deleted || refusesFolderObject([entry])) return;
  const current = getTab(connectionId);
  useBrowser.getState().patch(connectionId, {
    renaming: entry.path,
    selection: new Set([entry.path]),
    anchor: entry.path,
    focus: entry.path,
    reveal: (current?.reveal ?? 0) + 1,
  });
}

export function endRename(connectionId: string): void {
  useBrowser.getState().patch(connectionId, { renaming: null });
}

/** Why a typed name cannot be used, or null when it can. */
export function nameProblem(name: string): string | null {
  if (name.trim() === '') return t('browser:rename.empty');
  if (name.includes('/')) return t('browser:rename.slash');
  if (name === '.' || name === '..') return t('browser:rename.unusable', { name });
  return null;
}

/** Renames an entry within its folder, then lists again with the new name selected. */
export async function renameInPlace(connectionId: string, entry: FileEntry, name: string): Promise<void> {
  const tab = getTab(connectionId);
  if (!tab) return;
  const folder = parentOf(tab.protocol, entry.path);
  const to = childPath(tab.protocol, folder, name, entry.kind === 'folder');
  await unwrap(api().fs.rename({ connectionId, from: entry.path, to }));
  selectAfterListing(connectionId, to);
}

/** Selects and reveals `paths` (the cursor on the last) and lists the folder again (they show up once listed). */
export function selectAfterListing(connectionId: string, paths: string | string[]): void {
  const tab = getTab(connectionId);
  if (!tab) return;
  const list = typeof paths === 'string' ? [paths] : paths;
  const path = list.at(-1) ?? null;
  useBrowser.getState().patch(connectionId, { selection: new Set(list), anchor: list[0] ?? null, focus: path, reveal: tab.reveal + 1 });
  void loadListing(connectionId, true).then(() => {
    const after = getTab(connectionId);
    if (after && after.focus === path) useBrowser.getState().patch(connectionId, { reveal: after.reveal + 1 });
  });
}

export function startCopyMove(connectionId: string, mode: 'copy' | 'move'): void {
  const entries = actionTargets(connectionId).filter((e) => !isBucket(e));
  if (entries.length && !refusesFolderObject(entries)) showActionDialog({ kind: 'copyMove', connectionId, entries, mode });
}

/** How long a duplicate runs before its progress dialog shows (a single file is usually done by then). */
const PROGRESS_AFTER_MS = 500;

/**
 * Copies each target beside itself ("name copy.ext", server-side) and selects the copies.
 * A long one (a big folder) shows its progress and can be cancelled.
 */
/** One duplicate at a time: two racing for the same free "copy" name would copy onto each other. */
let duplicating = false;

export async function duplicateTargets(connectionId: string, entries = actionTargets(connectionId)): Promise<void> {
  const targets = entries.filter((e) => !isBucket(e) && !e.deleted);
  if (duplicating || targets.length === 0 || refusesFolderObject(targets)) return;
  duplicating = true;
  const copies: string[] = [];
  try {
    for (const entry of targets) {
      const operationId = newOperationId();
      const title = t('browser:duplicate.progress', { name: entry.name });
      const slow = setTimeout(() => showActionDialog({ kind: 'progress', operationId, title }), PROGRESS_AFTER_MS);
      try {
        copies.push((await unwrap(api().fs.duplicate({ connectionId, path: entry.path, operationId, copyWord: t('browser:duplicate.copyWord') }))).path);
      } finally {
        clearTimeout(slow);
        closeProgress(operationId);
      }
    }
  } catch (caught) {
    const error = toApiError(caught);
    if (error.kind === 'cancelled') showInfo(error.message);
    else showError(error.message, targets.length === 1 ? t('browser:duplicate.failedOne', { name: targets[0]!.name }) : t('browser:duplicate.failed'));
  } finally {
    duplicating = false;
  }
  if (copies.length) selectAfterListing(connectionId, copies);
  else refresh(connectionId);
}

/** Where an entry lands in `folder` (S3 folders end with "/", SFTP folders do not). */
export function destinationIn(folder: string, entry: FileEntry, protocol: Protocol): string {
  const name = baseName(entry.path);
  const isFolder = entry.kind === 'folder';
  if (protocol === 's3') return `${folder.endsWith('/') ? folder : `${folder}/`}${name}${isFolder ? '/' : ''}`;
  return `${folder.replace(/\/+$/, '')}/${name}`;
}

/** Copies or moves each entry in turn; `onStart` hears each one's operation id (for progress and cancel). */
export async function copyMoveTo(
  connectionId: string,
  entries: FileEntry[],
  folder: string,
  mode: 'copy' | 'move',
  onStart?: (operationId: string) => void,
): Promise<void> {
  const tab = getTab(connectionId);
  if (!tab) return;
  try {
    for (const entry of entries) {
      const to = destinationIn(folder, entry, tab.protocol);
      const operationId = newOperationId();
      onStart?.(operationId);
      try {
        if (mode === 'move') await unwrap(api().fs.rename({ connectionId, from: entry.path, to, operationId }));
        else await unwrap(api().fs.copy({ connectionId, from: entry.path, to, operationId }));
      } finally {
        useOperationProgress.getState().forget(operationId);
      }
    }
  } finally {
    refresh(connectionId);
  }
}

export const currentFolderOf = (connectionId: string) => getTab(connectionId)?.path ?? '/';
export const parentOf = (protocol: Protocol, path: string) => parentPath(protocol, path) ?? '/';

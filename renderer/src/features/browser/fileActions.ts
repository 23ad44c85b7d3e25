/** Delete, rename, move and copy from the browser: confirmation, the calls, a clear report. */
import type { DeleteReport, FileEntry } from '../../../../shared/files.js';
import { baseName, parentPath } from '../../../../shared/paths.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { formatBytes, formatCount, plural } from '../../lib/format.js';
import { getTab, selectedEntries, viewOf } from './browserStore.js';
import { askConfirm } from '../../state/dialogs.js';
import { refresh } from './navigation.js';
import { showError, showFailure, showInfo } from '../../state/toasts.js';
import { folderObjectText, isFolderObject } from '../s3/folderObject.js';
import { actionDialog, showActionDialog } from './dialogs.js';
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

function describeSummary(entries: FileEntry[], files: number, folders: number, bytes: number): string {
  const what = entries.length === 1 ? `“${entries[0]!.name || '(empty name)'}”` : `${formatCount(entries.length)} items`;
  const inside = folders > 0 ? `${plural(files, 'file')} in ${plural(folders, 'folder')}` : plural(files, 'file');
  return `${what} will be deleted: ${inside}, ${formatBytes(bytes)}. This cannot be undone.`;
}

/** Counts what goes, asks once, deletes, and reports every failure. */
export async function deleteTargets(connectionId: string, entries = actionTargets(connectionId)): Promise<void> {
  const targets = entries.filter((e) => !isBucket(e));
  if (targets.length === 0) return;
  // A folder object's path ends in "/", which fs:delete takes as its whole folder: it goes by its one key.
  const objects = targets.filter(isFolderObject);
  const paths = targets.filter((e) => !isFolderObject(e)).map((e) => e.path);
  let message: string;
  try {
    const summary = paths.length ? await unwrap(api().fs.summarize({ connectionId, paths })) : { files: 0, folders: 0, bytes: 0 };
    const objectBytes = objects.reduce((sum, e) => sum + (e.size ?? 0), 0);
    message = describeSummary(targets, summary.files + objects.length, summary.folders, summary.bytes + objectBytes);
  } catch (caught) {
    showFailure(caught, 'Could not count what would be deleted');
    return;
  }
  const ok = await askConfirm({ title: 'Delete?', message, confirmLabel: 'Delete', danger: true });
  if (!ok) return;
  const operationId = newOperationId();
  showActionDialog({ kind: 'progress', operationId, title: `Deleting ${targets.length === 1 ? `“${targets[0]!.name}”` : plural(targets.length, 'item')}` });
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
      const first = report.failed.slice(0, 3).map((f) => `${baseName(f.path) || f.path}: ${f.message}`);
      const more = report.failed.length > 3 ? ` …and ${formatCount(report.failed.length - 3)} more.` : '';
      showError(`${first.join('\n')}${more}`, `${plural(report.failed.length, 'item')} could not be deleted (${formatCount(report.deleted)} deleted)`);
    } else {
      showInfo(`Deleted ${plural(report.deleted, tab(connectionId) === 's3' ? 'object' : 'item')}.`);
    }
  } catch (caught) {
    const error = toApiError(caught);
    if (error.kind === 'cancelled') showInfo(error.message);
    else showError(error.message, 'Could not delete');
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

export function startRename(connectionId: string): void {
  const [entry, ...rest] = actionTargets(connectionId);
  if (!entry || rest.length || isBucket(entry) || refusesFolderObject([entry])) return;
  showActionDialog({ kind: 'rename', connectionId, entry });
}

export function startCopyMove(connectionId: string, mode: 'copy' | 'move'): void {
  const entries = actionTargets(connectionId).filter((e) => !isBucket(e));
  if (entries.length && !refusesFolderObject(entries)) showActionDialog({ kind: 'copyMove', connectionId, entries, mode });
}

/** Where an entry lands in `folder` (S3 folders end with "/", SFTP folders do not). */
export function destinationIn(folder: string, entry: FileEntry, protocol: 's3' | 'sftp'): string {
  const name = baseName(entry.path);
  const isFolder = entry.kind === 'folder';
  if (protocol === 's3') return `${folder.endsWith('/') ? folder : `${folder}/`}${name}${isFolder ? '/' : ''}`;
  return `${folder.replace(/\/+$/, '')}/${name}`;
}

export async function renameTo(connectionId: string, from: string, to: string): Promise<void> {
  await unwrap(api().fs.rename({ connectionId, from, to }));
  refresh(connectionId);
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
export const parentOf = (protocol: 's3' | 'sftp', path: string) => parentPath(protocol, path) ?? '/';

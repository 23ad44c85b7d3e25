/** Uploads, downloads and transfer controls, started from the browser. */
import type { FileEntry } from '../../../../shared/files.js';
import type { TransferSnapshot } from '../../../../shared/transfers.js';
import { api, unwrap } from '../../api/client.js';
import { isOwnDragCopy } from '../dragOut/dragOutStore.js';
import { getTab, selectedEntries } from '../browser/browserStore.js';
import { showError, showFailure, showInfo } from '../../state/toasts.js';
import { t } from '../../i18n/i18n.js';
import { useTransfers } from './transferStore.js';
import { pickedFolderRoot } from './pickedFolder.js';

/** Queues the uploads and answers what started (undefined when nothing did, after saying why). */
export async function uploadPaths(connectionId: string, localPaths: string[], remoteFolder: string): Promise<TransferSnapshot[] | undefined> {
  if (localPaths.length === 0) return undefined;
  try {
    const started = await unwrap(api().transfers.upload({ connectionId, localPaths, remoteFolder }));
    useTransfers.getState().addStarted(started);
    return started;
  } catch (caught) {
    showFailure(caught, t('transfers:upload.failed'));
    return undefined;
  }
}

/** False (and says why) where nothing can be uploaded: the list of buckets is no folder. */
function canUploadInto(connectionId: string, remoteFolder: string): boolean {
  if (remoteFolder === '/' && getTab(connectionId)?.protocol === 's3') {
    showInfo(t('transfers:upload.openBucketFirst'));
    return false;
  }
  return true;
}

/** Where each dropped or picked file lives on this computer; undefined (after saying why) when that cannot be found. */
async function localPathsOf(files: readonly File[]): Promise<string[] | undefined> {
  const paths: string[] = [];
  try {
    for (const file of files) {
      const path = await api().local.pathForDroppedFile(file);
      if (path) paths.push(path);
    }
  } catch (caught) {
    showFailure(caught, t('transfers:upload.readDroppedFailed'));
    return undefined;
  }
  return paths;
}

/** Files dropped from the OS (or picked): only their paths go to main, never their bytes. */
export async function uploadFiles(connectionId: string, files: readonly File[], remoteFolder: string): Promise<void> {
  if (!canUploadInto(connectionId, remoteFolder)) return;
  const paths = await localPathsOf(files);
  if (!paths) return;
  // A drag out that came back to the window is not an upload: it would copy the remote files onto themselves.
  const fromElsewhere = paths.filter((p) => !isOwnDragCopy(p));
  if (paths.length > 0 && fromElsewhere.length === 0) return;
  if (paths.length === 0) {
    showError(t('transfers:upload.notLocalFiles'));
    return;
  }
  await uploadPaths(connectionId, fromElsewhere, remoteFolder);
}

/** The files of a folder the user picked: the folder itself is uploaded, so it lands as one tree and shows as one row. */
export async function uploadFolder(connectionId: string, files: readonly File[], remoteFolder: string): Promise<void> {
  if (!canUploadInto(connectionId, remoteFolder)) return;
  if (files.length === 0) {
    showInfo(t('transfers:upload.emptyFolder'));
    return;
  }
  const paths = await localPathsOf(files);
  if (!paths) return;
  const roots = new Set(paths.map((path, i) => pickedFolderRoot(path, files[i]!.webkitRelativePath || files[i]!.name)));
  await uploadPaths(connectionId, [...roots], remoteFolder);
}

export async function downloadSelection(connectionId: string): Promise<void> {
  const tab = getTab(connectionId);
  if (tab) await downloadEntries(connectionId, selectedEntries(tab));
}

/** Asks for a local folder and downloads `entries` into it (the selection, or a search's result). */
export async function downloadEntries(connectionId: string, entries: FileEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const title = entries.length === 1 ? t('transfers:download.chooseFolderOne', { name: entries[0]!.name }) : t('transfers:download.chooseFolder', { count: entries.length });
  try {
    const localFolder = await unwrap(api().dialog.chooseFolder({ title }));
    if (!localFolder) return;
    const started = await unwrap(
      api().transfers.download({ connectionId, remotePaths: entries.map((e) => e.path), localFolder }),
    );
    useTransfers.getState().addStarted(started);
  } catch (caught) {
    showFailure(caught, t('transfers:download.failed'));
  }
}

export type TransferCommand = 'pause' | 'resume' | 'cancel' | 'retry';

export async function controlTransfers(action: TransferCommand, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    await unwrap(api().transfers[action]({ ids }));
  } catch (caught) {
    showFailure(caught);
  }
}

/** Shows a transfer's local file (or its folder) in the OS file manager; main finds the path from the id. */
export async function showTransferInFolder(id: string): Promise<void> {
  try {
    await unwrap(api().transfers.showInFolder({ id }));
  } catch (caught) {
    showFailure(caught);
  }
}

export async function clearFinished(): Promise<void> {
  try {
    await unwrap(api().transfers.clearFinished({}));
    useTransfers.getState().replaceAll(await unwrap(api().transfers.list({})));
  } catch (caught) {
    showFailure(caught);
  }
}

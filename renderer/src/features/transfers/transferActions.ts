/** Uploads, downloads and transfer controls, started from the browser. */
import { api, unwrap } from '../../api/client.js';
import { isOwnDragCopy } from '../dragOut/dragOutStore.js';
import { plural } from '../../lib/format.js';
import { getTab, selectedEntries } from '../browser/browserStore.js';
import { showError, showFailure, showInfo } from '../../state/toasts.js';
import { useTransfers } from './transferStore.js';

export async function uploadPaths(connectionId: string, localPaths: string[], remoteFolder: string): Promise<void> {
  if (localPaths.length === 0) return;
  try {
    const started = await unwrap(api().transfers.upload({ connectionId, localPaths, remoteFolder }));
    useTransfers.getState().addStarted(started);
  } catch (caught) {
    showFailure(caught, 'Upload failed');
  }
}

/** Files dropped from the OS (or picked): only their paths go to main, never their bytes. */
export async function uploadFiles(connectionId: string, files: readonly File[], remoteFolder: string): Promise<void> {
  if (remoteFolder === '/' && getTab(connectionId)?.protocol === 's3') {
    showInfo('Open a bucket first, then drop files into it.');
    return;
  }
  const paths: string[] = [];
  try {
    for (const file of files) {
      const path = await api().local.pathForDroppedFile(file);
      if (path) paths.push(path);
    }
  } catch (caught) {
    showFailure(caught, 'Could not read the dropped files');
    return;
  }
  // A drag out that came back to the window is not an upload: it would copy the remote files onto themselves.
  const fromElsewhere = paths.filter((p) => !isOwnDragCopy(p));
  if (paths.length > 0 && fromElsewhere.length === 0) return;
  if (paths.length === 0) {
    showError('Those items are not files on this computer, so they cannot be uploaded.');
    return;
  }
  await uploadPaths(connectionId, fromElsewhere, remoteFolder);
}

export async function downloadSelection(connectionId: string): Promise<void> {
  const tab = getTab(connectionId);
  if (!tab) return;
  const entries = selectedEntries(tab);
  if (entries.length === 0) return;
  const what = entries.length === 1 ? `“${entries[0]!.name}”` : plural(entries.length, 'item');
  try {
    const localFolder = await unwrap(api().dialog.chooseFolder({ title: `Download ${what} to…` }));
    if (!localFolder) return;
    const started = await unwrap(
      api().transfers.download({ connectionId, remotePaths: entries.map((e) => e.path), localFolder }),
    );
    useTransfers.getState().addStarted(started);
  } catch (caught) {
    showFailure(caught, 'Download failed');
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

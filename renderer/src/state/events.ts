/** Startup: subscribe to main's events once, then load the initial state. */
import type { TransferSnapshot } from '../../../shared/transfers.js';
import { api, unwrap } from '../api/client.js';
import { useApp } from './app.js';
import { getTab } from '../features/browser/browserStore.js';
import { connectionById, useConnections } from '../features/connections/connectionStore.js';
import { startReopening } from '../features/panes/reopenSession.js';
import { scheduleRefresh } from '../features/browser/navigation.js';
import { showError } from './toasts.js';
import { coalesce } from './coalesce.js';
import { useTransfers } from '../features/transfers/transferStore.js';
import { watchEditReports } from '../features/editing/remoteEditing.js';
import { watchSearchUpdates } from '../features/search/searchActions.js';
import { errorText } from '../i18n/errorText.js';
import { t } from '../i18n/i18n.js';

let started = false;

/** True when `remotePath` lies somewhere inside `folder` (its parent or deeper). */
export function isInside(folder: string, remotePath: string): boolean {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return remotePath.startsWith(prefix) && remotePath.length > prefix.length;
}

/** Applies a burst of transfer snapshots at once, and refreshes folders on screen that gained files. */
function onTransfersChanged(snapshots: TransferSnapshot[]): void {
  const before = useTransfers.getState().byId;
  useTransfers.getState().upsert(snapshots);
  const refresh = new Set<string>();
  for (const snapshot of snapshots) {
    if (snapshot.direction === 'download' || snapshot.state !== 'completed' || before[snapshot.id]?.state === 'completed') continue;
    const tab = getTab(snapshot.connectionId);
    // A new file (or a file in a new subfolder) appeared in the folder on screen, or a file there has a new storage class.
    if (tab && isInside(tab.path, snapshot.remotePath)) refresh.add(snapshot.connectionId);
  }
  for (const connectionId of refresh) scheduleRefresh(connectionId);
}

export function startApp(): void {
  if (started) return;
  started = true;
  const stowage = api();

  stowage.connections.onChanged((list) => useConnections.getState().setList(list));
  stowage.connections.onLost(({ connectionId, error }) => {
    const store = useConnections.getState();
    store.setLink(connectionId, { state: 'lost', error: errorText(error) });
    if (store.activeId !== connectionId) {
      const name = connectionById(connectionId)?.name;
      showError(errorText(error), name === undefined ? t('app:lostConnectionUnnamed') : t('app:lostConnection', { name }));
    }
  });
  const changes = coalesce(onTransfersChanged);
  stowage.transfers.onProgress((batch) => {
    changes.flush(); // progress must not land before the snapshot it updates
    useTransfers.getState().progress(batch);
  });
  stowage.transfers.onChanged((snapshot) => changes.push(snapshot));
  watchEditReports();
  watchSearchUpdates();

  void useApp.getState().load();
  startReopening();
  void useConnections.getState().load();
  void unwrap(stowage.transfers.list({}))
    .then((list) => {
      // Events may have raced ahead of the answer: keep what they brought.
      const known = useTransfers.getState().byId;
      const merged = [...list.filter((t) => !known[t.id]), ...Object.values(known)];
      useTransfers.getState().replaceAll(merged);
    })
    .catch((error: unknown) => showError(error instanceof Error ? error.message : String(error)));
}

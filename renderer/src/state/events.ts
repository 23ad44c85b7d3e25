/** Startup: subscribe to main's events once, then load the initial state. */
import type { TransferSnapshot } from '../../../shared/transfers.js';
import { api, unwrap } from '../api/client.js';
import { useApp } from './app.js';
import { getTab } from './browser.js';
import { connectionById, useConnections } from './connections.js';
import { scheduleRefresh } from './navigation.js';
import { showError } from './toasts.js';
import { useTransfers } from './transfers.js';

let started = false;

/** True when `remotePath` lies somewhere inside `folder` (its parent or deeper). */
export function isInside(folder: string, remotePath: string): boolean {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return remotePath.startsWith(prefix) && remotePath.length > prefix.length;
}

function onTransferChanged(snapshot: TransferSnapshot): void {
  const before = useTransfers.getState().byId[snapshot.id];
  useTransfers.getState().upsert([snapshot]);
  if (snapshot.direction === 'download' || snapshot.state !== 'completed' || before?.state === 'completed') return;
  const tab = getTab(snapshot.connectionId);
  // A new file (or a file in a new subfolder) appeared in the folder on screen, or a file there has a new storage class.
  if (tab && isInside(tab.path, snapshot.remotePath)) scheduleRefresh(snapshot.connectionId);
}

export function startApp(): void {
  if (started) return;
  started = true;
  const stowage = api();

  stowage.connections.onChanged((list) => useConnections.getState().setList(list));
  stowage.connections.onLost(({ connectionId, error }) => {
    const store = useConnections.getState();
    store.setLink(connectionId, { state: 'lost', error: error.message });
    if (store.activeId !== connectionId) {
      const name = connectionById(connectionId)?.name ?? 'a server';
      showError(error.message, `Lost the connection to ${name}`);
    }
  });
  stowage.transfers.onProgress((batch) => useTransfers.getState().progress(batch));
  stowage.transfers.onChanged(onTransferChanged);

  void useApp.getState().load();
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

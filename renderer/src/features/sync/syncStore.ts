/** The saved sync pairs the sidebar lists. */
import { create } from 'zustand';
import type { SyncPair } from '../../../../shared/contract/sync.js';
import { api, unwrap } from '../../api/client.js';
import { showFailure } from '../../state/toasts.js';

interface SyncPairsState {
  pairs: SyncPair[];
}

export const useSyncPairs = create<SyncPairsState>()(() => ({ pairs: [] }));

export async function loadSyncPairs(): Promise<void> {
  try {
    useSyncPairs.setState({ pairs: await unwrap(api().sync.listPairs({})) });
  } catch (caught) {
    showFailure(caught);
  }
}

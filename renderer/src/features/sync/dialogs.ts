/** The folder sync dialog: the pair's settings, then the preview of every planned action. */
import type { SyncPairDraft } from '../../../../shared/contract/sync.js';
import { dialogSlot } from '../../lib/dialogSlot.js';

export interface SyncDialogArgs {
  draft: SyncPairDraft;
  /** A saved pair: it is compared at once, and its last run is recorded. */
  pairId?: string;
}

export const syncDialog = dialogSlot<SyncDialogArgs>();

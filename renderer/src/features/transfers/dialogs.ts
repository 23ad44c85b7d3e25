/** The transfer dialogs: a bucket's incomplete multipart uploads. */
import { dialogSlot } from '../../lib/dialogSlot.js';

export type TransferDialog = { kind: 'incomplete'; connectionId: string; bucket: string };

export const transferDialog = dialogSlot<TransferDialog>();

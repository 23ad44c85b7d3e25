/** The transfer dialogs: the settings, or a bucket's incomplete multipart uploads (one replaces the other). */
import { dialogSlot } from '../../lib/dialogSlot.js';

export type TransferDialog = { kind: 'settings' } | { kind: 'incomplete'; connectionId: string; bucket: string };

export const transferDialog = dialogSlot<TransferDialog>();

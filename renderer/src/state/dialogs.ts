/** The confirm dialog any feature may ask (each feature's own dialogs live in its dialogs.ts). */
import { dialogSlot } from '../lib/dialogSlot.js';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
}

export const confirmDialog = dialogSlot<ConfirmRequest, boolean>(false);

export const askConfirm = (request: ConfirmRequest) => confirmDialog.open(request);

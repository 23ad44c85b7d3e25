/** Which file-action dialog is open (rename, copy/move, S3 properties, share...). */
import { create } from 'zustand';
import type { FileEntry } from '../../../../shared/files.js';

export type ActionDialog =
  | { kind: 'rename'; connectionId: string; entry: FileEntry }
  | { kind: 'copyMove'; connectionId: string; entries: FileEntry[]; mode: 'copy' | 'move' }
  | { kind: 'properties'; connectionId: string; path: string }
  | { kind: 'share'; connectionId: string; path: string }
  | { kind: 'openBucket'; connectionId: string }
  | { kind: 'progress'; operationId: string; title: string };

interface ActionDialogsState {
  open: ActionDialog | null;
  show(dialog: ActionDialog): void;
  close(): void;
}

export const useActionDialogs = create<ActionDialogsState>()((set) => ({
  open: null,
  show: (dialog) => set({ open: dialog }),
  close: () => set({ open: null }),
}));

export const showActionDialog = (dialog: ActionDialog) => useActionDialogs.getState().show(dialog);

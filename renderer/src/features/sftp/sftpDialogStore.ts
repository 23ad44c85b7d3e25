/** Which SFTP dialog is open: Permissions or Properties (for an entry), or New empty file (in a folder). */
import { create } from 'zustand';
import type { FileEntry } from '../../../../shared/files.js';

interface EntryDialogState {
  target: { connectionId: string; entry: FileEntry } | null;
  open(connectionId: string, entry: FileEntry): void;
  close(): void;
}

export const useChmod = create<EntryDialogState>()((set) => ({
  target: null,
  open: (connectionId, entry) => set({ target: { connectionId, entry } }),
  close: () => set({ target: null }),
}));

/** Which entry the Properties dialog shows. */
export const useSftpProperties = create<EntryDialogState>()((set) => ({
  target: null,
  open: (connectionId, entry) => set({ target: { connectionId, entry } }),
  close: () => set({ target: null }),
}));

/** Which folder the New empty file dialog creates in. */
export const useNewFile = create<{
  target: { connectionId: string; parentPath: string } | null;
  open(connectionId: string, parentPath: string): void;
  close(): void;
}>()((set) => ({
  target: null,
  open: (connectionId, parentPath) => set({ target: { connectionId, parentPath } }),
  close: () => set({ target: null }),
}));

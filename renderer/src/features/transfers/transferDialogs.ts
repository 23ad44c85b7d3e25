/** Which transfer dialog is open: the settings, or a bucket's incomplete multipart uploads. */
import { create } from 'zustand';

interface TransferDialogsState {
  settingsOpen: boolean;
  incomplete: { connectionId: string; bucket: string } | null;
  openSettings(): void;
  openIncomplete(connectionId: string, bucket: string): void;
  close(): void;
}

export const useTransferDialogs = create<TransferDialogsState>()((set) => ({
  settingsOpen: false,
  incomplete: null,
  openSettings: () => set({ settingsOpen: true, incomplete: null }),
  openIncomplete: (connectionId, bucket) => set({ incomplete: { connectionId, bucket }, settingsOpen: false }),
  close: () => set({ settingsOpen: false, incomplete: null }),
}));

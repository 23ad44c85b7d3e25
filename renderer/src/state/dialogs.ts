/** Which modal is open. Dialogs that answer a question resolve a promise. */
import { create } from 'zustand';
import type { ConnectSecrets, ConnectionSummary, HostKeyPrompt } from '../../../shared/connections.js';

export type HostKeyDecision = 'trustOnce' | 'trustAndSave' | 'reject';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
}

interface DialogsState {
  /** The connection form: `editId` null means "New connection". */
  connectionForm: { editId: string | null } | null;
  hostKey: { prompt: HostKeyPrompt; resolve(decision: HostKeyDecision): void } | null;
  secret: { connection: ConnectionSummary; resolve(secrets: ConnectSecrets | null): void } | null;
  newFolder: { connectionId: string; parentPath: string; bucket: boolean } | null;
  confirm: (ConfirmRequest & { resolve(ok: boolean): void }) | null;
  askConfirm(request: ConfirmRequest): Promise<boolean>;
  answerConfirm(ok: boolean): void;
  openConnectionForm(editId: string | null): void;
  closeConnectionForm(): void;
  askHostKey(prompt: HostKeyPrompt): Promise<HostKeyDecision>;
  answerHostKey(decision: HostKeyDecision): void;
  askSecret(connection: ConnectionSummary): Promise<ConnectSecrets | null>;
  answerSecret(secrets: ConnectSecrets | null): void;
  openNewFolder(connectionId: string, parentPath: string, bucket: boolean): void;
  closeNewFolder(): void;
}

export const useDialogs = create<DialogsState>()((set, get) => ({
  connectionForm: null,
  hostKey: null,
  secret: null,
  newFolder: null,
  confirm: null,
  askConfirm(request) {
    get().confirm?.resolve(false);
    return new Promise((resolve) => set({ confirm: { ...request, resolve } }));
  },
  answerConfirm(ok) {
    const pending = get().confirm;
    set({ confirm: null });
    pending?.resolve(ok);
  },
  openConnectionForm(editId) {
    set({ connectionForm: { editId } });
  },
  closeConnectionForm() {
    set({ connectionForm: null });
  },
  askHostKey(prompt) {
    get().hostKey?.resolve('reject');
    return new Promise((resolve) => set({ hostKey: { prompt, resolve } }));
  },
  answerHostKey(decision) {
    const pending = get().hostKey;
    set({ hostKey: null });
    pending?.resolve(decision);
  },
  askSecret(connection) {
    get().secret?.resolve(null);
    return new Promise((resolve) => set({ secret: { connection, resolve } }));
  },
  answerSecret(secrets) {
    const pending = get().secret;
    set({ secret: null });
    pending?.resolve(secrets);
  },
  openNewFolder(connectionId, parentPath, bucket) {
    set({ newFolder: { connectionId, parentPath, bucket } });
  },
  closeNewFolder() {
    set({ newFolder: null });
  },
}));

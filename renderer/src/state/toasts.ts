/** Short-lived notices in the corner; errors are announced with role="alert". */
import { create } from 'zustand';
import { toApiError } from '../api/client.js';

export type ToastTone = 'error' | 'info' | 'success';

export interface Toast {
  id: number;
  tone: ToastTone;
  title?: string;
  message: string;
}

interface ToastState {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id'>, timeoutMs?: number): number;
  dismiss(id: number): void;
}

let nextId = 1;

export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  push(toast, timeoutMs = toast.tone === 'error' ? 12_000 : 5_000) {
    const id = nextId++;
    // Keep the corner tidy: at most 4 at once, oldest out first.
    set({ toasts: [...get().toasts.slice(-3), { ...toast, id }] });
    if (timeoutMs > 0) setTimeout(() => get().dismiss(id), timeoutMs);
    return id;
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));

export const showError = (message: string, title?: string) =>
  useToasts.getState().push(title ? { tone: 'error', message, title } : { tone: 'error', message });

/** The error toast for whatever a call threw, in the words of its `{ kind, message }`. */
export const showFailure = (caught: unknown, title?: string) => showError(toApiError(caught).message, title);

export const showInfo = (message: string) => useToasts.getState().push({ tone: 'info', message });

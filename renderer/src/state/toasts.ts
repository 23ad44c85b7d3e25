/**
 * Short-lived notices in the corner; errors are announced with role="alert" and stay longer.
 * A toast under the pointer stays until the pointer leaves it (then gets a few seconds more).
 */
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
  /** The pointer is on the toast: it stays. */
  hold(id: number): void;
  /** The pointer left: it goes after a short while. */
  release(id: number): void;
}

/** How long a toast stays: errors long enough to read twice. */
export const toastTimeouts = { error: 12_000, other: 5_000, afterHover: 4_000 };

let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

export const useToasts = create<ToastState>()((set, get) => {
  const dismissLater = (id: number, ms: number) => {
    clearTimeout(timers.get(id));
    timers.set(id, setTimeout(() => get().dismiss(id), ms));
  };
  return {
    toasts: [],
    push(toast, timeoutMs = toast.tone === 'error' ? toastTimeouts.error : toastTimeouts.other) {
      const id = nextId++;
      // Keep the corner tidy: at most 4 at once, oldest out first.
      const kept = get().toasts.slice(-3);
      for (const gone of get().toasts.filter((t) => !kept.includes(t))) clearTimeout(timers.get(gone.id));
      set({ toasts: [...kept, { ...toast, id }] });
      if (timeoutMs > 0) dismissLater(id, timeoutMs);
      return id;
    },
    dismiss(id) {
      clearTimeout(timers.get(id));
      timers.delete(id);
      set({ toasts: get().toasts.filter((t) => t.id !== id) });
    },
    hold(id) {
      clearTimeout(timers.get(id));
      timers.delete(id);
    },
    release(id) {
      if (get().toasts.some((t) => t.id === id)) dismissLater(id, toastTimeouts.afterHover);
    },
  };
});

export const showError = (message: string, title?: string) =>
  useToasts.getState().push(title ? { tone: 'error', message, title } : { tone: 'error', message });

/** The error toast for whatever a call threw, in the words of its `{ kind, message }`. */
export const showFailure = (caught: unknown, title?: string) => showError(toApiError(caught).message, title);

export const showInfo = (message: string) => useToasts.getState().push({ tone: 'info', message });

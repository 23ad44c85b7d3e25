/** App-wide facts: `app.info` (version, secret storage strength). */
import { create } from 'zustand';
import type { AppInfo } from '../../../shared/contract.js';
import { api, unwrap } from '../api/client.js';

interface AppState {
  info: AppInfo | null;
  load(): Promise<void>;
}

let pending: Promise<void> | null = null;

export const useApp = create<AppState>()((set) => ({
  info: null,
  load() {
    // Called once; later callers share the same request.
    pending ??= unwrap(api().app.info({}))
      .then((info) => set({ info }))
      .catch(() => {
        pending = null;
      });
    return pending;
  },
}));

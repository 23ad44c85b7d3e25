/**
 * One search per browser (by connection): the field's mode and text, and the results of the
 * search under way or last run, grown by `search:update` events.
 */
import { create } from 'zustand';
import type { SearchState, SearchUpdate } from '../../../../shared/contract/search.js';
import type { IpcError } from '../../../../shared/errors.js';
import type { FileEntry } from '../../../../shared/files.js';

export interface Search {
  /** The field searches this folder and every folder below it, not only filters the rows shown. */
  deep: boolean;
  caseSensitive: boolean;
  query: string;
  /** The folder searched. */
  root: string;
  /** The search the results belong to; updates of any other are dropped. */
  searchId: string | null;
  results: FileEntry[];
  scanned: number;
  requests: number;
  skipped: number;
  state: SearchState | 'idle';
  error: IpcError | null;
  /** The result row chosen (its path). */
  selected: string | null;
}

const blank: Search = {
  deep: false,
  caseSensitive: false,
  query: '',
  root: '',
  searchId: null,
  results: [],
  scanned: 0,
  requests: 0,
  skipped: 0,
  state: 'idle',
  error: null,
  selected: null,
};

interface SearchStore {
  byConnection: Record<string, Search>;
  patch(connectionId: string, patch: Partial<Search>): void;
  apply(update: SearchUpdate): void;
}

export const useSearchStore = create<SearchStore>()((set, get) => ({
  byConnection: {},
  patch(connectionId, patch) {
    const current = get().byConnection[connectionId] ?? blank;
    set({ byConnection: { ...get().byConnection, [connectionId]: { ...current, ...patch } } });
  },
  apply(update) {
    const entry = Object.entries(get().byConnection).find(([, s]) => s.searchId === update.searchId);
    if (!entry) return;
    const [connectionId, search] = entry;
    get().patch(connectionId, {
      results: update.found.length ? [...search.results, ...update.found] : search.results,
      scanned: update.scanned,
      requests: update.requests,
      skipped: update.skipped,
      state: update.state,
      error: update.error ?? null,
    });
  },
}));

export const searchOf = (connectionId: string): Search => useSearchStore.getState().byConnection[connectionId] ?? blank;

export const useSearch = (connectionId: string): Search => useSearchStore((s) => s.byConnection[connectionId] ?? blank);

/** The results view replaces the file list while a deep search has text. */
export const showsResults = (search: Search): boolean => search.deep && search.query !== '';

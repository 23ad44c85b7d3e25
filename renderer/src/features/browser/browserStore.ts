/**
 * One browser per connection: where it is, its history, the listing (streamed in
 * pages), selection, sort and filter. Side effects live in `navigation.ts`.
 */
import { create } from 'zustand';
import type { FileEntry, Protocol } from '../../../../shared/files.js';
import type { ErrorKind } from '../../../../shared/errors.js';
import { filterEntries, sortEntries, type SortSpec } from '../../lib/entries.js';

export interface Tab {
  connectionId: string;
  protocol: Protocol;
  path: string;
  back: string[];
  forward: string[];
  entries: FileEntry[];
  /** Pages are still arriving for `path`. */
  loading: boolean;
  /** Nothing has arrived yet for `path` (show a spinner rather than "empty"). */
  awaitingFirstPage: boolean;
  /** Rows gathered so far of a listing in no name order (S3 directory buckets), shown once all are in. */
  gathering?: number;
  error: { kind: ErrorKind; message: string } | null;
  selection: ReadonlySet<string>;
  /** Where shift-click ranges start. */
  anchor: string | null;
  /** The keyboard cursor. */
  focus: string | null;
  /** Bumped when the focused row should be scrolled into view. */
  reveal: number;
  /** The entry whose name is being edited in its row (F2), if any. */
  renaming: string | null;
  sort: SortSpec;
  filter: string;
  /** Bumped on every load; stale pages are dropped. */
  generation: number;
}

interface BrowserState {
  tabs: Record<string, Tab>;
  ensure(connectionId: string, protocol: Protocol, path: string): Tab;
  patch(connectionId: string, patch: Partial<Tab>): void;
  drop(connectionId: string): void;
}

const defaultSort: SortSpec = { key: 'name', dir: 'asc' };

export const useBrowser = create<BrowserState>()((set, get) => ({
  tabs: {},
  ensure(connectionId, protocol, path) {
    const existing = get().tabs[connectionId];
    if (existing) return existing;
    const tab: Tab = {
      connectionId,
      protocol,
      path,
      back: [],
      forward: [],
      entries: [],
      loading: false,
      awaitingFirstPage: true,
      error: null,
      selection: new Set(),
      anchor: null,
      focus: null,
      reveal: 0,
      renaming: null,
      sort: defaultSort,
      filter: '',
      generation: 0,
    };
    set({ tabs: { ...get().tabs, [connectionId]: tab } });
    return tab;
  },
  patch(connectionId, patch) {
    const tab = get().tabs[connectionId];
    if (!tab) return;
    set({ tabs: { ...get().tabs, [connectionId]: { ...tab, ...patch } } });
  },
  drop(connectionId) {
    const tabs = { ...get().tabs };
    delete tabs[connectionId];
    set({ tabs });
  },
}));

export const getTab = (connectionId: string): Tab | undefined => useBrowser.getState().tabs[connectionId];

export const useTab = (connectionId: string | null | undefined): Tab | undefined =>
  useBrowser((s) => (connectionId ? s.tabs[connectionId] : undefined));

/* ---------- The sorted, filtered view, memoised per tab ---------- */

interface ViewCache {
  entries: FileEntry[];
  sort: SortSpec;
  filter: string;
  sorted: FileEntry[];
  view: readonly FileEntry[];
}

const viewCache = new Map<string, ViewCache>();

/** What the grid shows, in order. Cheap to call repeatedly: re-sorts only on change. */
export function viewOf(tab: Tab): readonly FileEntry[] {
  const cached = viewCache.get(tab.connectionId);
  if (cached && cached.entries === tab.entries && cached.sort === tab.sort) {
    if (cached.filter === tab.filter) return cached.view;
    const view = filterEntries(cached.sorted, tab.filter);
    viewCache.set(tab.connectionId, { ...cached, filter: tab.filter, view });
    return view;
  }
  const sorted = sortEntries(tab.entries, tab.sort);
  const view = filterEntries(sorted, tab.filter);
  viewCache.set(tab.connectionId, { entries: tab.entries, sort: tab.sort, filter: tab.filter, sorted, view });
  return view;
}

/** Selected entries that are still in the listing, in view order. */
export function selectedEntries(tab: Tab): FileEntry[] {
  if (tab.selection.size === 0) return [];
  return viewOf(tab).filter((entry) => tab.selection.has(entry.path));
}

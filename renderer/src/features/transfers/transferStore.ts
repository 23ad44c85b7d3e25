/**
 * Transfers keyed by id: seeded by `transfers.list`, replaced by `onChanged` snapshots,
 * nudged by batched `onProgress` updates.
 */
import { create } from 'zustand';
import { finishedStates, type TransferProgress, type TransferSnapshot } from '../../../../shared/transfers.js';
import { folderIdOf, isFolderKey } from './transferRows.js';

interface TransfersState {
  byId: Record<string, TransferSnapshot>;
  /** Ids, oldest first. */
  order: string[];
  panelOpen: boolean;
  /** Rows the user selected in the panel (transfer ids, or folder rows' keys): commands apply to them, or to all when none. */
  selected: Record<string, true>;
  /** Folder rows (by key) whose files are listed under them. */
  expanded: Record<string, true>;
  /** The row the keyboard is on: the last one clicked or reached with the arrow keys. */
  focused: string | null;
  /** Height of the list part of the strip, in px (the user can drag it). */
  panelHeight: number;
  replaceAll(list: TransferSnapshot[]): void;
  upsert(list: TransferSnapshot[]): void;
  /** Snapshots from an upload/download answer: events may already have brought newer ones. */
  addStarted(list: TransferSnapshot[]): void;
  progress(updates: TransferProgress[]): void;
  setPanelOpen(open: boolean): void;
  /** Plain click selects one; `extend` (Ctrl/Cmd) toggles it in the selection. */
  select(id: string, extend: boolean): void;
  selectAll(ids: string[]): void;
  clearSelection(): void;
  setPanelHeight(height: number): void;
  setExpanded(key: string, open: boolean): void;
}

export const useTransfers = create<TransfersState>()((set, get) => ({
  byId: {},
  order: [],
  panelOpen: true,
  selected: {},
  expanded: {},
  focused: null,
  panelHeight: 150,
  replaceAll(list) {
    const byId: Record<string, TransferSnapshot> = {};
    for (const t of list) byId[t.id] = t;
    const order = [...list].sort((a, b) => a.createdAt - b.createdAt).map((t) => t.id);
    const folders = new Set(list.flatMap((t) => (t.folder ? [t.folder.id] : [])));
    const kept = (key: string) => (isFolderKey(key) ? folders.has(folderIdOf(key)) : byId[key] !== undefined);
    const selected: Record<string, true> = {};
    for (const key of Object.keys(get().selected)) if (kept(key)) selected[key] = true;
    const expanded: Record<string, true> = {};
    for (const key of Object.keys(get().expanded)) if (kept(key)) expanded[key] = true;
    set({ byId, order, selected, expanded });
  },
  upsert(list) {
    if (list.length === 0) return;
    const byId = { ...get().byId };
    const added: string[] = [];
    for (const t of list) {
      if (!byId[t.id]) added.push(t.id);
      byId[t.id] = t;
    }
    set({ byId, order: added.length ? [...get().order, ...added] : get().order });
    // New work: make sure it is visible.
    if (added.length && !get().panelOpen) set({ panelOpen: true });
  },
  addStarted(list) {
    const known = get().byId;
    get().upsert(list.filter((t) => !known[t.id]));
  },
  progress(updates) {
    const current = get().byId;
    let byId: Record<string, TransferSnapshot> | null = null;
    for (const u of updates) {
      const t = current[u.id];
      // Unknown yet (its snapshot is on the way), or already finished (a late update).
      if (!t || finishedStates.includes(t.state)) continue;
      byId ??= { ...current };
      byId[u.id] = {
        ...t,
        bytesDone: u.bytesDone,
        rate: u.rate,
        state: u.state,
        ...(u.size !== undefined ? { size: u.size } : {}),
        ...(u.etaSeconds !== undefined ? { etaSeconds: u.etaSeconds } : { etaSeconds: undefined }),
      };
    }
    if (byId) set({ byId });
  },
  setPanelOpen(panelOpen) {
    set({ panelOpen });
  },
  select(id, extend) {
    const selected: Record<string, true> = extend ? { ...get().selected } : {};
    if (extend && get().selected[id]) delete selected[id];
    else selected[id] = true;
    set({ selected, focused: id });
  },
  selectAll(ids) {
    set({ selected: Object.fromEntries(ids.map((id) => [id, true as const])) });
  },
  clearSelection() {
    set({ selected: {} });
  },
  setPanelHeight(panelHeight) {
    set({ panelHeight });
  },
  setExpanded(key, open) {
    const expanded = { ...get().expanded };
    if (open) expanded[key] = true;
    else delete expanded[key];
    set({ expanded });
  },
}));

/** The selected transfers that are still in the list, as snapshots: a selected folder row stands for its files. */
export function selectedTransfers({ byId, selected }: Pick<TransfersState, 'byId' | 'selected'>): TransferSnapshot[] {
  const keys = Object.keys(selected);
  const out = keys.flatMap((id) => (byId[id] ? [byId[id]] : []));
  const folders = new Set(keys.filter(isFolderKey).map(folderIdOf));
  if (folders.size > 0) {
    for (const t of Object.values(byId)) if (t.folder && folders.has(t.folder.id) && !selected[t.id]) out.push(t);
  }
  return out;
}

export const isActive = (t: TransferSnapshot) => t.state === 'queued' || t.state === 'running' || t.state === 'paused' || t.state === 'waiting';

export interface TransferTotals {
  count: number;
  active: number;
  running: number;
  /** Held by the user: counted apart from what waits its turn. */
  paused: number;
  finished: number;
  completed: number;
  failed: number;
  cancelled: number;
  bytesDone: number;
  bytesTotal: number;
  rate: number;
  /** Seconds left for all active transfers, when sizes are known. */
  eta?: number;
}

export function totals(byId: Record<string, TransferSnapshot>): TransferTotals {
  const out: TransferTotals = { count: 0, active: 0, running: 0, paused: 0, finished: 0, completed: 0, failed: 0, cancelled: 0, bytesDone: 0, bytesTotal: 0, rate: 0 };
  let sizesKnown = true;
  for (const t of Object.values(byId)) {
    out.count += 1;
    if (t.state === 'failed') out.failed += 1;
    if (t.state === 'cancelled') out.cancelled += 1;
    if (t.state === 'completed') out.completed += 1;
    if (t.state === 'paused') out.paused += 1;
    if (!isActive(t)) {
      out.finished += 1;
      continue;
    }
    out.active += 1;
    if (t.state === 'running') {
      out.running += 1;
      out.rate += t.rate;
    }
    if (t.size === undefined) sizesKnown = false;
    out.bytesDone += t.bytesDone;
    out.bytesTotal += t.size ?? t.bytesDone;
  }
  if (sizesKnown && out.rate > 0) out.eta = (out.bytesTotal - out.bytesDone) / out.rate;
  return out;
}

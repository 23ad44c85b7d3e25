/**
 * Transfers keyed by id: seeded by `transfers.list`, replaced by `onChanged` snapshots,
 * nudged by batched `onProgress` updates.
 */
import { create } from 'zustand';
import { finishedStates, type TransferProgress, type TransferSnapshot } from '../../../../shared/transfers.js';

interface TransfersState {
  byId: Record<string, TransferSnapshot>;
  /** Ids, oldest first. */
  order: string[];
  panelOpen: boolean;
  /** Ids the user selected in the panel: commands apply to them, or to all when none. */
  selected: Record<string, true>;
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
}

export const useTransfers = create<TransfersState>()((set, get) => ({
  byId: {},
  order: [],
  panelOpen: true,
  selected: {},
  focused: null,
  panelHeight: 150,
  replaceAll(list) {
    const byId: Record<string, TransferSnapshot> = {};
    for (const t of list) byId[t.id] = t;
    const order = [...list].sort((a, b) => a.createdAt - b.createdAt).map((t) => t.id);
    const selected: Record<string, true> = {};
    for (const id of Object.keys(get().selected)) if (byId[id]) selected[id] = true;
    set({ byId, order, selected });
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
}));

/** The selected transfers that are still in the list, as snapshots. */
export function selectedTransfers({ byId, selected }: Pick<TransfersState, 'byId' | 'selected'>): TransferSnapshot[] {
  return Object.keys(selected).flatMap((id) => (byId[id] ? [byId[id]] : []));
}

export const isActive = (t: TransferSnapshot) => t.state === 'queued' || t.state === 'running' || t.state === 'paused' || t.state === 'waiting';

export interface TransferTotals {
  count: number;
  active: number;
  running: number;
  finished: number;
  failed: number;
  bytesDone: number;
  bytesTotal: number;
  rate: number;
  /** Seconds left for all active transfers, when sizes are known. */
  eta?: number;
}

export function totals(byId: Record<string, TransferSnapshot>): TransferTotals {
  const out: TransferTotals = { count: 0, active: 0, running: 0, finished: 0, failed: 0, bytesDone: 0, bytesTotal: 0, rate: 0 };
  let sizesKnown = true;
  for (const t of Object.values(byId)) {
    out.count += 1;
    if (t.state === 'failed') out.failed += 1;
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

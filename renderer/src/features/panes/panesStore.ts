/**
 * The split view: whether it is on, which pane has the keyboard, and what each pane shows
 * (a connection's id, or the local disk's reserved id). Remembered in the window's storage,
 * so a restart (or a reload) opens the panes as they were left.
 */
import { create } from 'zustand';
import { isLocalConnection, localConnectionId, secondLocalConnectionId } from '../../../../shared/localDisk.js';

export type PaneIndex = 0 | 1;
/** A connection id or this pane's id of the local disk (`localIdOf`); null: nothing chosen yet. */
export type Place = string | null;

interface PanesState {
  split: boolean;
  active: PaneIndex;
  places: [Place, Place];
  setSplit(split: boolean): void;
  setActive(pane: PaneIndex): void;
  setPlace(pane: PaneIndex, place: Place): void;
}

const storageKey = 'stowage.panes';

/** Each pane browses the local disk under its own id, so both panes can show it, each at its own folder. */
export const localIdOf = (pane: PaneIndex): string => (pane === 0 ? localConnectionId : secondLocalConnectionId);

function ownPlace(pane: PaneIndex, place: Place): Place {
  return isLocalConnection(place) ? localIdOf(pane) : place;
}

interface Saved {
  split: boolean;
  places: [Place, Place];
}

function load(): Saved {
  try {
    const raw = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Partial<Saved> | null;
    const place = (value: unknown): Place => (typeof value === 'string' && value.length > 0 && value.length <= 64 ? value : null);
    return { split: raw?.split === true, places: [ownPlace(0, place(raw?.places?.[0])), ownPlace(1, place(raw?.places?.[1]))] };
  } catch {
    // Unreadable (or no storage): the single view, as on a first start.
    return { split: false, places: [null, null] };
  }
}

function save({ split, places }: Saved): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify({ split, places }));
  } catch {
    // Storage full or refused: the panes still work, they are just not remembered.
  }
}

export const usePanes = create<PanesState>()((set, get) => ({
  ...load(),
  active: 0,
  setSplit(split) {
    set({ split, active: 0 });
    save(get());
  },
  setActive(active) {
    if (get().active !== active) set({ active });
  },
  setPlace(pane, place) {
    const places: [Place, Place] = [...get().places];
    places[pane] = ownPlace(pane, place);
    set({ places });
    save(get());
  },
}));

export const otherPane = (pane: PaneIndex): PaneIndex => (pane === 0 ? 1 : 0);


/** Saved connections (summaries, never secrets) and which ones are live. */
import { create } from 'zustand';
import type { ConnectionSummary } from '../../../../shared/connections.js';
import { api, errorMessage, unwrap } from '../../api/client.js';

export type LinkState = 'idle' | 'connecting' | 'connected' | 'lost';

export interface LinkStatus {
  state: LinkState;
  homePath?: string;
  error?: string;
}

interface ConnectionsState {
  list: ConnectionSummary[];
  loaded: boolean;
  loadError: string | null;
  /** The connection shown in the main pane (highlighted in the sidebar). */
  activeId: string | null;
  links: Record<string, LinkStatus>;
  load(): Promise<void>;
  setList(list: ConnectionSummary[]): void;
  upsert(summary: ConnectionSummary): void;
  remove(id: string): void;
  setActive(id: string | null): void;
  setLink(id: string, status: LinkStatus): void;
}

export const useConnections = create<ConnectionsState>()((set, get) => ({
  list: [],
  loaded: false,
  loadError: null,
  activeId: null,
  links: {},
  async load() {
    try {
      const list = await unwrap(api().connections.list({}));
      get().setList(list);
      set({ loaded: true, loadError: null });
      if (!get().activeId && list[0]) set({ activeId: list[0].id });
    } catch (error) {
      set({ loaded: true, loadError: errorMessage(error) });
    }
  },
  setList(list) {
    const { activeId } = get();
    const stillThere = activeId !== null && list.some((c) => c.id === activeId);
    set({ list, loaded: true, activeId: stillThere ? activeId : (list[0]?.id ?? null) });
  },
  upsert(summary) {
    const list = get().list;
    const at = list.findIndex((c) => c.id === summary.id);
    set({ list: at === -1 ? [...list, summary] : list.map((c, i) => (i === at ? summary : c)) });
  },
  remove(id) {
    const links = { ...get().links };
    delete links[id];
    get().setList(get().list.filter((c) => c.id !== id));
    set({ links });
  },
  setActive(id) {
    set({ activeId: id });
  },
  setLink(id, status) {
    set({ links: { ...get().links, [id]: status } });
  },
}));

export function connectionById(id: string | null | undefined): ConnectionSummary | undefined {
  if (!id) return undefined;
  return useConnections.getState().list.find((c) => c.id === id);
}

export const useActiveConnection = () =>
  useConnections((s) => s.list.find((c) => c.id === s.activeId));

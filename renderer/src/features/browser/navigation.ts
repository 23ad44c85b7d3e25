/** Moving around a connection's folders and streaming listings page by page. */
import type { FileEntry, Protocol } from '../../../../shared/files.js';
import { parentPath } from '../../../../shared/paths.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import type { SortKey } from '../../lib/entries.js';
import { getTab, useBrowser, type Tab } from './browserStore.js';
import { UnorderedPages } from './unorderedPages.js';
import { showError } from '../../state/toasts.js';
import { t } from '../../i18n/i18n.js';

const patch = (id: string, p: Partial<Tab>) => useBrowser.getState().patch(id, p);

/** How often (ms) later pages are merged into the grid while a big folder streams in. */
const FLUSH_EVERY_MS = 350;

/** Lists `tab.path`, page after page. `soft` keeps showing the old entries until done. */
export async function loadListing(connectionId: string, soft = false): Promise<void> {
  const start = getTab(connectionId);
  if (!start) return;
  const generation = start.generation + 1;
  const { path } = start;
  patch(connectionId, {
    generation,
    loading: true,
    error: null,
    // A listing left while it was still gathering does not speak for this one.
    gathering: undefined,
    ...(soft ? {} : { entries: [], awaitingFirstPage: true }),
  });
  const stale = () => getTab(connectionId)?.generation !== generation;
  const received: FileEntry[] = [];
  let unordered: UnorderedPages | null = null;
  const gathered = () => (unordered ? unordered.sorted() : received);
  let cursor: string | undefined;
  let lastFlush = 0;
  let pages = 0;
  try {
    do {
      const request = cursor === undefined ? { connectionId, path } : { connectionId, path, cursor };
      const page = await unwrap(api().fs.list(request));
      if (stale()) return;
      if (page.unordered) unordered ??= new UnorderedPages();
      if (unordered) unordered.add(page.entries);
      else for (const entry of page.entries) received.push(entry);
      cursor = page.nextCursor;
      pages += 1;
      const now = performance.now();
      if ((pages === 1 || now - lastFlush > FLUSH_EVERY_MS) && cursor) {
        if (unordered) patch(connectionId, { gathering: unordered.size });
        else if (!soft) patch(connectionId, { entries: received.slice(), awaitingFirstPage: false });
        lastFlush = now;
      }
    } while (cursor);
    patch(connectionId, { entries: gathered(), loading: false, awaitingFirstPage: false, gathering: undefined });
  } catch (caught) {
    if (stale()) return;
    const error = toApiError(caught);
    if (pages === 0 && !soft) {
      patch(connectionId, { loading: false, awaitingFirstPage: false, gathering: undefined, error: { kind: error.kind, message: error.message } });
    } else {
      // Keep what we have; say why the rest is missing.
      patch(connectionId, { loading: false, awaitingFirstPage: false, gathering: undefined, ...(soft ? {} : { entries: gathered() }) });
      showError(error.message, t('browser:listIncomplete'));
    }
  }
}

/** Opens (or re-opens) a connection's browser; settles once its folder is listed, or failed to. */
export function openBrowser(connectionId: string, protocol: Protocol, homePath: string): Promise<void> {
  const existing = getTab(connectionId);
  if (existing) return loadListing(connectionId, existing.entries.length > 0);
  useBrowser.getState().ensure(connectionId, protocol, homePath);
  return loadListing(connectionId);
}

interface GoOptions {
  /** How history changes: a new step, or a move within back/forward. */
  history?: 'push' | 'none';
  /** Select (and reveal) this entry once it is listed, e.g. the folder we came up from. */
  select?: string;
}

export function navigate(connectionId: string, path: string, options: GoOptions = {}): void {
  const tab = getTab(connectionId);
  if (!tab) return;
  if (path === tab.path && options.history !== 'none') {
    void loadListing(connectionId, true);
    return;
  }
  const pushing = (options.history ?? 'push') === 'push';
  const select = options.select ?? null;
  patch(connectionId, {
    path,
    back: pushing ? [...tab.back, tab.path].slice(-200) : tab.back,
    forward: pushing ? [] : tab.forward,
    entries: [],
    selection: new Set(select ? [select] : []),
    anchor: select,
    focus: select,
    reveal: select ? tab.reveal + 1 : tab.reveal,
    renaming: null,
    filter: '',
  });
  void loadListing(connectionId);
}

export function goBack(connectionId: string): void {
  const tab = getTab(connectionId);
  const target = tab?.back.at(-1);
  if (!tab || target === undefined) return;
  patch(connectionId, { back: tab.back.slice(0, -1), forward: [tab.path, ...tab.forward] });
  navigate(connectionId, target, { history: 'none', select: childOnTheWay(tab, target) });
}

export function goForward(connectionId: string): void {
  const tab = getTab(connectionId);
  const target = tab?.forward[0];
  if (!tab || target === undefined) return;
  patch(connectionId, { back: [...tab.back, tab.path], forward: tab.forward.slice(1) });
  navigate(connectionId, target, { history: 'none', select: childOnTheWay(tab, target) });
}

export function goUp(connectionId: string): void {
  const tab = getTab(connectionId);
  if (!tab) return;
  const parent = parentPath(tab.protocol, tab.path);
  if (parent === null) return;
  navigate(connectionId, parent, { select: tab.path });
}

/** Going back up the tree: select the folder we were in, if it is a child of `target`. */
function childOnTheWay(tab: Tab, target: string): string | undefined {
  const parent = parentPath(tab.protocol, tab.path);
  return parent === target ? tab.path : undefined;
}

export function refresh(connectionId: string): void {
  const tab = getTab(connectionId);
  // Keep the rows on screen while re-listing, unless there is nothing worth keeping.
  if (tab) void loadListing(connectionId, tab.entries.length > 0 && !tab.error);
}

const pendingRefresh = new Map<string, ReturnType<typeof setTimeout>>();

/** Refresh soon, once, however many uploads finish in the meantime (a steady stream still refreshes). */
export function scheduleRefresh(connectionId: string, delayMs = 400): void {
  if (pendingRefresh.has(connectionId)) return;
  pendingRefresh.set(
    connectionId,
    setTimeout(() => {
      pendingRefresh.delete(connectionId);
      refresh(connectionId);
    }, delayMs),
  );
}

export function setSort(connectionId: string, key: SortKey): void {
  const tab = getTab(connectionId);
  if (!tab) return;
  const dir = tab.sort.key === key && tab.sort.dir === 'asc' ? 'desc' : 'asc';
  patch(connectionId, { sort: { key, dir }, reveal: tab.reveal + 1 });
}

export function setFilter(connectionId: string, filter: string): void {
  patch(connectionId, { filter });
}

/** Creates a folder in the current one, then lists again and selects it. */
export async function makeFolder(connectionId: string, parent: string, name: string): Promise<void> {
  const entry = await unwrap(api().fs.mkdir({ connectionId, parentPath: parent, name }));
  const tab = getTab(connectionId);
  if (!tab || tab.path !== parent) return;
  patch(connectionId, {
    entries: tab.entries.some((e) => e.path === entry.path) ? tab.entries : [...tab.entries, entry],
    selection: new Set([entry.path]),
    anchor: entry.path,
    focus: entry.path,
    reveal: tab.reveal + 1,
  });
  void loadListing(connectionId, true);
}

/**
 * Searching as the user types: each change starts a new search (after a short pause in the
 * typing) and cancels the one before; the core streams the matches back as events.
 */
import type { FileEntry } from '../../../../shared/files.js';
import { parentPath } from '../../../../shared/paths.js';
import { ApiError, api, unwrap } from '../../api/client.js';
import { copyText } from '../../api/clipboard.js';
import { t } from '../../i18n/i18n.js';
import { showFailure, showInfo } from '../../state/toasts.js';
import { getTab } from '../browser/browserStore.js';
import { navigate, setFilter } from '../browser/navigation.js';
import { downloadEntries } from '../transfers/transferActions.js';
import { searchOf, showsResults, useSearchStore } from './searchStore.js';

/** Long enough to skip a search per keystroke, short enough that the first match is on screen within 300 ms. */
const typingPauseMs = 120;
const timers = new Map<string, ReturnType<typeof setTimeout>>();

const patch = (connectionId: string, change: Parameters<ReturnType<typeof useSearchStore.getState>['patch']>[1]) =>
  useSearchStore.getState().patch(connectionId, change);

export function watchSearchUpdates(): () => void {
  return api().search.onUpdate((update) => useSearchStore.getState().apply(update));
}

function stopRunning(connectionId: string): void {
  clearTimeout(timers.get(connectionId));
  timers.delete(connectionId);
  const { searchId, state } = searchOf(connectionId);
  if (searchId && (state === 'running' || state === 'paused')) void api().search.cancel({ searchId });
}

/** Where a search may start: S3 needs a bucket open, searching every bucket at once is not offered. */
export function canSearchHere(connectionId: string): boolean {
  const tab = getTab(connectionId);
  return Boolean(tab && !(tab.protocol === 's3' && tab.path === '/'));
}

async function run(connectionId: string): Promise<void> {
  const tab = getTab(connectionId);
  const search = searchOf(connectionId);
  if (!tab || !showsResults(search)) return;
  const searchId = crypto.randomUUID();
  patch(connectionId, { searchId, root: tab.path, results: [], scanned: 0, requests: 0, skipped: 0, state: 'running', error: null, selected: null });
  try {
    await unwrap(api().search.start({ searchId, connectionId, path: tab.path, query: search.query, caseSensitive: search.caseSensitive }));
  } catch (caught) {
    if (searchOf(connectionId).searchId !== searchId) return;
    const error = caught instanceof ApiError ? { kind: caught.kind, message: caught.message } : { kind: 'internal' as const, message: String(caught) };
    patch(connectionId, { state: 'failed', error });
  }
}

/** The field's text changed: filters the folder, or searches below it in deep mode. */
export function setQuery(connectionId: string, text: string): void {
  const search = searchOf(connectionId);
  if (!search.deep) {
    setFilter(connectionId, text);
    return;
  }
  stopRunning(connectionId);
  // The last search's results and its "stopped" line would describe other text: they go at once.
  patch(connectionId, { query: text, searchId: null, results: [], state: 'idle', error: null, selected: null });
  if (text === '' || !canSearchHere(connectionId)) return;
  timers.set(connectionId, setTimeout(() => void run(connectionId), typingPauseMs));
}

/** Switches between filtering this folder and searching below it; the text moves along. */
export function setDeep(connectionId: string, deep: boolean): void {
  const tab = getTab(connectionId);
  const search = searchOf(connectionId);
  if (search.deep === deep || !tab) return;
  const text = deep ? tab.filter : search.query;
  stopRunning(connectionId);
  if (deep) setFilter(connectionId, '');
  patch(connectionId, { deep, query: '', searchId: null, results: [], state: 'idle', error: null });
  if (text) setQuery(connectionId, text);
}

export function setCaseSensitive(connectionId: string, caseSensitive: boolean): void {
  patch(connectionId, { caseSensitive });
  const { query } = searchOf(connectionId);
  if (query) setQuery(connectionId, query);
}

export function clearSearch(connectionId: string): void {
  setQuery(connectionId, '');
}

export function continueSearch(connectionId: string): void {
  const { searchId } = searchOf(connectionId);
  if (searchId) void api().search.continue({ searchId });
}

export function cancelSearch(connectionId: string): void {
  stopRunning(connectionId);
}

export function selectResult(connectionId: string, path: string | null): void {
  patch(connectionId, { selected: path });
}

/** Opens a found folder, or shows a found file selected in its folder; the search ends. */
export function goToResult(connectionId: string, entry: FileEntry, into: boolean): void {
  const tab = getTab(connectionId);
  if (!tab) return;
  clearSearch(connectionId);
  if (into) navigate(connectionId, entry.path);
  else navigate(connectionId, parentPath(tab.protocol, entry.path) ?? tab.path, { select: entry.path });
}

export function downloadResult(connectionId: string, entry: FileEntry): void {
  void downloadEntries(connectionId, [entry]);
}

export function copyResultPath(entry: FileEntry): void {
  void copyText(entry.path).then(
    () => showInfo(t('browser:menu.copiedPath', { path: entry.path })),
    (caught: unknown) => showFailure(caught, t('browser:menu.copyFailed')),
  );
}

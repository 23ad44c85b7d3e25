/**
 * Reopens the last session's places as they are shown: the connection the window shows (or
 * each pane's, in the split view) connects and opens at its folder; one not shown waits,
 * unconnected, until it is. A connection deleted since is skipped without a word. What is
 * open is saved as it changes, so a quit or a crash comes back to it.
 */
import { isLocalConnection } from '../../../../shared/localDisk.js';
import { useBrowser } from '../browser/browserStore.js';
import { connect } from '../connections/connect.js';
import { useConnections } from '../connections/connectionStore.js';
import { loadLastSession, reopensLastSession, saveLastSession, sessionToSave, type OpenPlace } from './lastSession.js';
import { pendingResumes, resumeFolder } from './resumeFolders.js';
import { usePanes } from './panesStore.js';

/** Places of the last session not shown yet this run: id → folder. */
const waiting = new Map<string, string>();
/** The connection shown at the last quit, chosen again once the list has loaded. */
let lastShown: string | null = null;
let shownRestored = false;
let started = false;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

export function startReopening(): void {
  if (started) return;
  started = true;
  if (reopensLastSession()) {
    const last = loadLastSession();
    for (const place of last.open) waiting.set(place.id, place.path);
    lastShown = last.shown;
  }
  openShown();
  useConnections.subscribe(openShown);
  usePanes.subscribe(openShown);
  useConnections.subscribe(saveSoon);
  useBrowser.subscribe(saveSoon);
  window.addEventListener('beforeunload', saveNow);
}

/** The places on screen: both panes' in the split view, else the sidebar's choice. */
function shownPlaces(): string[] {
  const { split, places } = usePanes.getState();
  if (split) return places.filter((p): p is string => p !== null);
  const active = useConnections.getState().activeId;
  return active ? [active] : [];
}

function openShown(): void {
  const { loaded, list, links, activeId, setActive } = useConnections.getState();
  if (loaded && !shownRestored) {
    shownRestored = true;
    for (const id of [...waiting.keys()]) if (!isLocalConnection(id) && !list.some((c) => c.id === id)) waiting.delete(id);
    if (lastShown && lastShown !== activeId && !usePanes.getState().split && list.some((c) => c.id === lastShown)) {
      // The change calls back here, with the restored choice shown.
      setActive(lastShown);
      return;
    }
  }
  for (const id of shownPlaces()) {
    const path = waiting.get(id);
    if (path === undefined) continue;
    // This computer's panes open by themselves (PlaceView); connections wait for the list.
    if (isLocalConnection(id)) {
      waiting.delete(id);
      resumeFolder(id, path);
      continue;
    }
    if (!loaded) continue;
    waiting.delete(id);
    const summary = list.find((c) => c.id === id);
    if (!summary) continue;
    resumeFolder(id, path);
    // A secret typed at each connect is asked when the user presses Connect, not at start.
    const state = links[id]?.state ?? 'idle';
    if (state === 'idle' && !summary.needsSecretAtConnect) void connect(id);
  }
}

function openNow(): OpenPlace[] {
  const { links } = useConnections.getState();
  const open: OpenPlace[] = [];
  for (const tab of Object.values(useBrowser.getState().tabs)) {
    const state = links[tab.connectionId]?.state;
    if (isLocalConnection(tab.connectionId) || state === 'connected' || state === 'lost') open.push({ id: tab.connectionId, path: tab.path });
  }
  return open;
}

function saveNow(): void {
  clearTimeout(saveTimer);
  saveTimer = undefined;
  if (!reopensLastSession()) return;
  const notYetOpen = new Map([...pendingResumes(), ...waiting]);
  // Until the list has loaded, the sidebar's choice is not the user's yet.
  const shown = shownRestored ? useConnections.getState().activeId : lastShown;
  saveLastSession(sessionToSave(openNow(), notYetOpen, shown));
}

function saveSoon(): void {
  if (saveTimer === undefined) saveTimer = setTimeout(saveNow, 300);
}

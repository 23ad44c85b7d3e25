/**
 * "Come back where you left": which places were open at the last quit (saved connections
 * and this computer's panes) and at which folder, and which connection was shown. Kept in
 * the window's storage beside the panes; only ids and paths, never a secret.
 */

export interface OpenPlace {
  /** A saved connection's id, or a pane's local disk id. */
  id: string;
  /** The folder its browser showed (an S3 path names its bucket). */
  path: string;
}

export interface LastSession {
  open: OpenPlace[];
  /** The connection the single view showed (the sidebar's choice). */
  shown: string | null;
}

const sessionKey = 'stowage.lastSession';
const settingKey = 'stowage.reopenLastSession';
const maxPlaces = 100;
const empty: LastSession = { open: [], shown: null };

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 64;
const isPath = (value: unknown): value is string => typeof value === 'string' && value.startsWith('/') && value.length <= 4096;

/** The saved shape, checked field by field: anything odd is dropped, not trusted. */
export function parseLastSession(raw: unknown): LastSession {
  if (typeof raw !== 'object' || raw === null) return empty;
  const { open, shown } = raw as { open?: unknown; shown?: unknown };
  const places: OpenPlace[] = [];
  const seen = new Set<string>();
  for (const item of Array.isArray(open) ? open.slice(0, maxPlaces) : []) {
    const { id, path } = (item ?? {}) as { id?: unknown; path?: unknown };
    if (!isId(id) || !isPath(path) || seen.has(id)) continue;
    seen.add(id);
    places.push({ id, path });
  }
  return { open: places, shown: isId(shown) ? shown : null };
}

/**
 * What to save now: the places open now (their browsers' folders), then those still waiting
 * from the last session (not shown yet this run), so a place never shown is not forgotten.
 */
export function sessionToSave(openNow: readonly OpenPlace[], waiting: ReadonlyMap<string, string>, shown: string | null): LastSession {
  const open = [...openNow];
  const ids = new Set(open.map((p) => p.id));
  for (const [id, path] of waiting) if (!ids.has(id)) open.push({ id, path });
  return { open: open.slice(0, maxPlaces), shown };
}

export function loadLastSession(): LastSession {
  try {
    return parseLastSession(JSON.parse(localStorage.getItem(sessionKey) ?? 'null'));
  } catch {
    return empty;
  }
}

export function saveLastSession(session: LastSession | null): void {
  try {
    if (session) localStorage.setItem(sessionKey, JSON.stringify(session));
    else localStorage.removeItem(sessionKey);
  } catch {
    // Storage full or refused: the next start opens as a first start does.
  }
}

/** The setting "Reopen the connections and folders open when you quit": on unless turned off. */
export function reopensLastSession(): boolean {
  try {
    return localStorage.getItem(settingKey) !== 'off';
  } catch {
    return true;
  }
}

export function setReopensLastSession(on: boolean): void {
  try {
    localStorage.setItem(settingKey, on ? 'on' : 'off');
  } catch {
    // Not remembered: it applies to this run only.
  }
  if (!on) saveLastSession(null);
}

/**
 * Drag-out's state: the local copies main prepared (by remote item), the preparations under
 * way, and the chip that shows one ("Preparing…", then "Ready to drag", or what failed).
 * Items reach the OS drag only from a dragstart handler, with copies that already exist:
 * nothing here starts a drag after a download.
 */
import { create } from 'zustand';
import type { FileEntry } from '../../../../shared/files.js';
import { api, errorMessage, unwrap } from '../../api/client.js';
import { isContainer } from '../../lib/entries.js';
import { copyKey, copyOf, isFresh, isInsideCopy, readyPaths, worthPrefetching, type ReadyCopies, type ReadyCopy } from './readyCopies.js';

export type DragChip =
  | { phase: 'preparing'; count: number; onlyFiles: boolean; connectionId: string; paths: string[]; since: number; bytes?: number }
  | { phase: 'ready'; count: number; onlyFiles: boolean; paths: string[] }
  | { phase: 'failed'; message: string };

interface DragOutState {
  copies: ReadyCopies;
  chip: DragChip | null;
}

export const useDragOut = create<DragOutState>()(() => ({ copies: {}, chip: null }));

/** Preparations under way, by copy key: a drag joins one already started (a prefetch) instead of fetching twice. */
const inFlight = new Map<string, { copy: Promise<string>; since: number }>();
/** Only the newest drag's preparation may change the chip. */
let chipSerial = 0;

const onlyFilesIn = (entries: readonly FileEntry[]) => entries.every((e) => !isContainer(e));
/** What the progress matches: files by path, folders (and links to folders) as prefixes. */
const progressPaths = (entries: readonly FileEntry[]) => entries.map((e) => (!isContainer(e) || e.path.endsWith('/') ? e.path : `${e.path}/`));
/** The listing's bytes in all, when only files of known sizes are dragged. */
const listedBytes = (entries: readonly FileEntry[]) =>
  entries.every((e) => e.kind === 'file' && e.size !== undefined) ? entries.reduce((sum, e) => sum + e.size!, 0) : undefined;

/**
 * The local path of each entry, fetching through main what has no fresh copy yet. Fetching
 * goes through the transfer queue (main's core downloads into its drag folder), so each
 * file shows in the transfers panel with progress, limits, retries and its checksum check.
 */
function ensureCopies(connectionId: string, entries: readonly FileEntry[]): Promise<string[]> {
  const now = Date.now();
  const { copies } = useDragOut.getState();
  const missing = entries.filter((e) => {
    const key = copyKey(connectionId, e.path);
    return !isFresh(e, copies[key], now) && !inFlight.has(key);
  });
  if (missing.length > 0) {
    const prepared = unwrap(api().local.prepareDragOut({ connectionId, remotePaths: missing.map((e) => e.path) }));
    missing.forEach((entry, n) => {
      const key = copyKey(connectionId, entry.path);
      const copy = prepared.then((items) => {
        const item = items[n]!;
        const kept = copyOf(entry, item, Date.now());
        if (kept) useDragOut.setState((s) => ({ copies: { ...s.copies, [key]: kept } }));
        return item.localPath;
      });
      const job = { copy, since: now };
      const forget = () => inFlight.get(key) === job && inFlight.delete(key);
      copy.then(forget, forget);
      inFlight.set(key, job);
    });
  }
  return Promise.all(
    entries.map((e) => {
      const key = copyKey(connectionId, e.path);
      const fresh = useDragOut.getState().copies[key];
      return isFresh(e, fresh, now) ? fresh!.localPath : inFlight.get(key)!.copy;
    }),
  );
}

/** The paths to drag right now, when every entry has a fresh copy. */
export function readyCopiesFor(connectionId: string, entries: readonly FileEntry[]): string[] | undefined {
  return readyPaths(connectionId, entries, useDragOut.getState().copies, Date.now());
}

/** The user dragged `entries` out but they are not local yet: fetch them, with the chip showing how it goes. */
export async function prepareForDrag(connectionId: string, entries: readonly FileEntry[]): Promise<void> {
  const serial = ++chipSerial;
  const joined = entries.flatMap((e) => inFlight.get(copyKey(connectionId, e.path))?.since ?? []);
  const since = Math.min(Date.now(), ...joined);
  const onlyFiles = onlyFilesIn(entries);
  const count = entries.length;
  useDragOut.setState({ chip: { phase: 'preparing', count, onlyFiles, connectionId, paths: progressPaths(entries), since, bytes: listedBytes(entries) } });
  try {
    const paths = await ensureCopies(connectionId, entries);
    if (serial === chipSerial) useDragOut.setState({ chip: { phase: 'ready', count, onlyFiles, paths } });
  } catch (caught) {
    if (serial === chipSerial) useDragOut.setState({ chip: { phase: 'failed', message: errorMessage(caught) } });
  }
}

/**
 * Fetches a few small files ahead of a likely drag (the user pressed on them), with no
 * chip, so that the drag itself finds them local and starts at once. Only where a drag can
 * reach the desktop; a failure shows in the transfers panel and the drag fetches again.
 */
export function prefetchForDrag(connectionId: string, entries: readonly FileEntry[]): void {
  if (!api().local.dragsToDesktop || !worthPrefetching(entries)) return;
  if (readyCopiesFor(connectionId, entries)) return;
  if (entries.some((e) => inFlight.has(copyKey(connectionId, e.path)))) return;
  ensureCopies(connectionId, entries).catch(() => undefined);
}

export function dismissDragChip(): void {
  chipSerial++;
  useDragOut.setState({ chip: null });
}

/**
 * True when a file dropped on the window is one of the app's own drag copies: a drag out
 * that came back. Uploading it would copy the remote file onto itself (or a sibling).
 */
export function isOwnDragCopy(localPath: string): boolean {
  const { copies, chip } = useDragOut.getState();
  const paths = Object.values(copies).map((c: ReadyCopy) => c.localPath);
  if (chip?.phase === 'ready') paths.push(...chip.paths);
  return isInsideCopy(localPath, paths);
}

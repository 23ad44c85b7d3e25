/**
 * The panel's rows: a file transferred on its own is one row; the files of a folder the
 * user transferred are one folder row (their totals), followed by its files when expanded.
 */
import type { TransferFolder, TransferKind, TransferSnapshot, TransferState } from '../../../../shared/transfers.js';

/** A folder row's key in the list (and in the selection), beside plain transfer ids. */
export const folderKey = (folderId: string) => `folder:${folderId}`;
export const isFolderKey = (key: string) => key.startsWith('folder:');
export const folderIdOf = (key: string) => key.slice('folder:'.length);

export interface FolderTotals {
  key: string;
  folder: TransferFolder;
  direction: TransferKind;
  connectionId: string;
  /** Its files, in the order they were queued. */
  members: TransferSnapshot[];
  state: TransferState;
  files: number;
  filesDone: number;
  bytesDone: number;
  /** Bytes in all its files, once every size is known. */
  size?: number;
  rate: number;
  etaSeconds?: number;
  /** The first failure among its files, to show on the row. */
  error?: TransferSnapshot['error'];
}

export type PanelRow =
  | { kind: 'file'; key: string; transfer: TransferSnapshot; child: boolean }
  | { kind: 'folder'; key: string; totals: FolderTotals; expanded: boolean };

/** What a folder row is doing, from its files: the most urgent state among them wins. */
const statePriority: TransferState[] = ['running', 'waiting', 'queued', 'paused', 'failed', 'cancelled', 'completed'];

export function folderTotals(folder: TransferFolder, members: TransferSnapshot[]): FolderTotals {
  let bytesDone = 0;
  let size: number | undefined = 0;
  let rate = 0;
  let filesDone = 0;
  let state: TransferState = 'completed';
  let error: TransferSnapshot['error'];
  for (const t of members) {
    bytesDone += t.bytesDone;
    size = size === undefined || t.size === undefined ? undefined : size + t.size;
    if (t.state === 'running') rate += t.rate;
    if (t.state === 'completed') filesDone += 1;
    if (statePriority.indexOf(t.state) < statePriority.indexOf(state)) state = t.state;
    if (t.state === 'failed' && !error) error = t.error;
  }
  const first = members[0]!;
  const etaSeconds = size !== undefined && rate > 0 ? Math.max(0, (size - bytesDone) / rate) : undefined;
  return {
    key: folderKey(folder.id),
    folder,
    direction: first.direction,
    connectionId: first.connectionId,
    members,
    state,
    files: members.length,
    filesDone,
    bytesDone,
    size,
    rate,
    etaSeconds,
    error,
  };
}

/** Rows as shown, newest first; `expanded` holds the folder keys whose files are listed. */
export function panelRows(order: string[], byId: Record<string, TransferSnapshot>, expanded: Record<string, true>): PanelRow[] {
  const members = new Map<string, TransferSnapshot[]>();
  for (const id of order) {
    const t = byId[id];
    if (t?.folder) {
      const list = members.get(t.folder.id);
      if (list) list.push(t);
      else members.set(t.folder.id, [t]);
    }
  }
  const rows: PanelRow[] = [];
  const placed = new Set<string>();
  for (let i = order.length - 1; i >= 0; i--) {
    const t = byId[order[i]!];
    if (!t) continue;
    if (!t.folder) {
      rows.push({ kind: 'file', key: t.id, transfer: t, child: false });
      continue;
    }
    if (placed.has(t.folder.id)) continue;
    placed.add(t.folder.id);
    const files = members.get(t.folder.id)!;
    const totals = folderTotals(t.folder, files);
    const open = expanded[totals.key] === true;
    rows.push({ kind: 'folder', key: totals.key, totals, expanded: open });
    if (open) for (const f of files) rows.push({ kind: 'file', key: f.id, transfer: f, child: true });
  }
  return rows;
}

/** The transfers a row stands for: itself, or a folder's files. */
export function rowTransfers(row: PanelRow): TransferSnapshot[] {
  return row.kind === 'file' ? [row.transfer] : row.totals.members;
}

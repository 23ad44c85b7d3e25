/**
 * F6 between this computer and a connection: the upload or download runs in the transfer
 * queue, and each source file is deleted only once its own copy completed (verified by the
 * queue). A file skipped at a conflict, failed or cancelled stays where it was, and so does a
 * folder that still holds anything. If the window closes before the copies end, the move
 * ends as a copy: nothing is lost.
 */
import type { FileEntry } from '../../../../shared/files.js';
import { finishedStates, type TransferSnapshot } from '../../../../shared/transfers.js';
import { api, unwrap } from '../../api/client.js';
import { t } from '../../i18n/i18n.js';
import { showFailure, showInfo } from '../../state/toasts.js';
import { refresh } from '../browser/navigation.js';
import { useTransfers } from '../transfers/transferStore.js';

/** How a job's own source is named on the source's side (a local pane's path, or the remote path). */
export type SourceOf = (snapshot: TransferSnapshot) => string;

/** The notes of a job the queue settled by leaving the target as it was (a conflict answered "skip", or "newer" with an older source). */
const skipNotes = ['coreTransfers:notes.skippedExists', 'coreTransfers:notes.skippedNewer'];
const skipped = (s: TransferSnapshot) => s.detail?.some((note) => skipNotes.includes(note.key)) ?? false;
const moved = (s: TransferSnapshot) => s.state === 'completed' && !skipped(s);

/** Deletes each source of `started` once all of them are finished, then the chosen folders left empty. */
export function deleteSourcesWhenDone(sourceId: string, entries: FileEntry[], started: TransferSnapshot[], sourceOf: SourceOf): void {
  const ids = started.map((s) => s.id);
  let settled = false;
  const check = () => {
    if (settled) return;
    const snapshots = ids.map((id) => useTransfers.getState().byId[id]);
    if (snapshots.some((s) => !s || !finishedStates.includes(s.state))) return;
    settled = true;
    stop();
    void settle(sourceId, entries, snapshots as TransferSnapshot[], sourceOf);
  };
  const stop = useTransfers.subscribe(check);
  check();
}

async function settle(sourceId: string, entries: FileEntry[], snapshots: TransferSnapshot[], sourceOf: SourceOf): Promise<void> {
  const done = snapshots.filter(moved).map(sourceOf);
  const kept = snapshots.length - done.length;
  try {
    if (done.length) {
      const report = await unwrap(api().fs.delete({ connectionId: sourceId, paths: done }));
      if (report.failed.length) showInfo(t('panes:moveLeftCopies', { count: report.failed.length }));
    }
    // A chosen folder goes once nothing is left in it (its empty subfolders with it).
    for (const folder of entries.filter((e) => e.kind === 'folder')) {
      const left = await unwrap(api().fs.summarize({ connectionId: sourceId, paths: [folder.path] })).catch(() => undefined);
      if (left && left.files === 0) await unwrap(api().fs.delete({ connectionId: sourceId, paths: [folder.path] }));
    }
    if (kept) showInfo(t('panes:moveKept', { count: kept }));
  } catch (caught) {
    showFailure(caught, t('panes:moveFailed'));
  } finally {
    refresh(sourceId);
  }
}

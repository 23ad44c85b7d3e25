/**
 * F5 / F6 and drops between the panes: the selection of one pane goes into the folder the
 * other shows, by the one way each pair of places allows.
 * - this computer → a connection: an upload; a connection → this computer: a download;
 * - one connection → another: `transfers:copyBetween` (streamed through the core);
 * - this computer → this computer (each pane has its own id for the disk): fs copy / rename.
 * Moves ask first, naming how many items; across this computer and a connection, a source is
 * deleted once its own copy completed (moveAcross.ts).
 */
import type { FileEntry } from '../../../../shared/files.js';
import { isLocalConnection } from '../../../../shared/localDisk.js';
import { api, unwrap } from '../../api/client.js';
import { t } from '../../i18n/i18n.js';
import { askConfirm } from '../../state/dialogs.js';
import { showFailure, showInfo } from '../../state/toasts.js';
import { getTab, selectedEntries } from '../browser/browserStore.js';
import { copyMoveTo } from '../browser/fileActions.js';
import { refresh } from '../browser/navigation.js';
import { uploadPaths } from '../transfers/transferActions.js';
import { useTransfers } from '../transfers/transferStore.js';
import { browserPathOf, hostPathOf } from '../../../../shared/localDisk.js';
import { onWindows } from './localDisk.js';
import { deleteSourcesWhenDone } from './moveAcross.js';
import { otherPane, usePanes, type PaneIndex } from './panesStore.js';

export type CrossPaneVerb = 'copy' | 'move';

/** What goes: the selection, or the row under the keyboard when nothing is selected. */
function sourceEntries(connectionId: string): FileEntry[] {
  const tab = getTab(connectionId);
  if (!tab) return [];
  const selected = selectedEntries(tab).filter((e) => e.kind !== 'bucket' && !e.deleted);
  if (selected.length) return selected;
  const focused = tab.entries.find((e) => e.path === tab.focus && e.kind !== 'bucket');
  return focused ? [focused] : [];
}

/** Copies (F5) or moves (F6) what is selected in pane `from` into the folder the other pane shows. */
export async function sendToOtherPane(from: PaneIndex, verb: CrossPaneVerb): Promise<void> {
  const { places, split } = usePanes.getState();
  const source = places[from];
  const target = places[otherPane(from)];
  if (!split || !source || !target) return;
  const targetTab = getTab(target);
  if (!targetTab) {
    showInfo(t('panes:otherNotOpen'));
    return;
  }
  const entries = sourceEntries(source);
  if (entries.length === 0) {
    showInfo(t('panes:nothingSelected'));
    return;
  }
  if (targetTab.protocol === 's3' && targetTab.path === '/') {
    showInfo(t('transfers:upload.openBucketFirst'));
    return;
  }
  const fromLocal = isLocalConnection(source);
  const toLocal = isLocalConnection(target);
  if (verb === 'move') {
    const ok = await askConfirm({
      title: t('panes:move.title', { count: entries.length }),
      message: t('panes:move.message', { count: entries.length, folder: targetTab.path }),
      confirmLabel: t('panes:move.confirm'),
    });
    if (!ok) return;
  }
  const paths = entries.map((e) => e.path);
  const windows = onWindows();
  try {
    if (fromLocal && toLocal) {
      try {
        await copyMoveTo(source, entries, targetTab.path, verb);
      } finally {
        refresh(target);
      }
    } else if (fromLocal) {
      const started = await uploadPaths(target, paths.map((p) => hostPathOf(p, windows)), targetTab.path);
      if (verb === 'move' && started?.length) deleteSourcesWhenDone(source, entries, started, (s) => browserPathOf(s.localPath, windows));
    } else if (toLocal) {
      const started = await unwrap(api().transfers.download({ connectionId: source, remotePaths: paths, localFolder: hostPathOf(targetTab.path, windows) }));
      useTransfers.getState().addStarted(started);
      if (verb === 'move' && started.length) deleteSourcesWhenDone(source, entries, started, (s) => s.remotePath);
    } else {
      const started = await unwrap(
        api().transfers.copyBetween({ source: { connectionId: source, paths }, target: { connectionId: target, folder: targetTab.path }, ...(verb === 'move' && { move: true }) }),
      );
      useTransfers.getState().addStarted(started);
    }
  } catch (caught) {
    showFailure(caught, verb === 'move' ? t('panes:moveFailed') : t('panes:copyFailed'));
  }
}

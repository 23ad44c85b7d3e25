/** Opening the sync dialog, running a plan, and the saved pairs' menu actions. */
import { defaultSyncExcludes, type SyncPair, type SyncPairDraft, type SyncPlan } from '../../../../shared/contract/sync.js';
import { api, unwrap } from '../../api/client.js';
import { t } from '../../i18n/i18n.js';
import { askConfirm } from '../../state/dialogs.js';
import { showFailure, showInfo } from '../../state/toasts.js';
import { getTab } from '../browser/browserStore.js';
import { useConnections } from '../connections/connectionStore.js';
import { syncDialog } from './dialogs.js';
import { loadSyncPairs } from './syncStore.js';

/** A new sync of the folder shown for the active connection. */
export function openNewSync(): void {
  const connectionId = useConnections.getState().activeId ?? '';
  const tab = connectionId ? getTab(connectionId) : undefined;
  const remotePath = tab && tab.path !== '/' ? tab.path : '';
  const draft: SyncPairDraft = { name: '', localPath: '', connectionId, remotePath, direction: 'upload', deleteExtras: false, excludes: defaultSyncExcludes };
  void syncDialog.open({ draft });
}

export function draftOf(pair: SyncPair): SyncPairDraft {
  const { id: _id, lastRun: _lastRun, ...draft } = pair;
  return draft;
}

export function openSavedSync(pair: SyncPair): void {
  void syncDialog.open({ draft: draftOf(pair), pairId: pair.id });
}

export async function deleteSyncPair(id: string): Promise<void> {
  try {
    await unwrap(api().sync.deletePair({ id }));
  } catch (caught) {
    showFailure(caught);
  }
  await loadSyncPairs();
}

/** Asks about deletes (naming how many, and delete markers in a versioned bucket); false when the user said no. */
async function deletesConfirmed(plan: SyncPlan, count: number): Promise<boolean> {
  if (count === 0) return true;
  const markers = plan.deletesBecomeMarkers ? ` ${t('sync:confirm.markers')}` : '';
  return askConfirm({
    title: t('sync:confirm.title'),
    message: `${t('sync:confirm.message', { count })}${markers}`,
    confirmLabel: t('sync:confirm.action', { count }),
    danger: true,
  });
}

/** Runs the ticked actions; answers false when the user declined the deletes. */
export async function runPlan(plan: SyncPlan, skip: ReadonlySet<number>): Promise<boolean> {
  const deletes = plan.actions.filter((a) => a.kind === 'delete' && !skip.has(a.id)).length;
  if (!(await deletesConfirmed(plan, deletes))) return false;
  const result = await unwrap(api().sync.run({ planId: plan.planId, skip: [...skip], confirmDeletes: deletes > 0 ? deletes : undefined }));
  const parts = [t('sync:done.queued', { count: result.transferIds.length })];
  if (result.deleted > 0) parts.push(t('sync:done.deleted', { count: result.deleted }));
  if (result.failedDeletes > 0) parts.push(t('sync:done.failedDeletes', { count: result.failedDeletes }));
  showInfo(parts.join(' '));
  await loadSyncPairs();
  return true;
}

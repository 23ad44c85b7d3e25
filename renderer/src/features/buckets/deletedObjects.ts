/**
 * "Show deleted" in a versioned bucket: the browser's rows plus the objects whose latest
 * version is a delete marker (flagged `deleted`), and Restore, which removes the markers.
 */
import { create } from 'zustand';
import type { FileEntry } from '../../../../shared/files.js';
import type { VersioningStatus } from '../../../../shared/buckets.js';
import { splitS3Path } from '../../../../shared/paths.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { t } from '../../i18n/i18n.js';
import { showError, showInfo } from '../../state/toasts.js';
import { getTab, useBrowser } from '../browser/browserStore.js';
import { refresh } from '../browser/navigation.js';

interface DeletedState {
  /** Connections whose browser shows deleted objects. */
  shown: ReadonlySet<string>;
  /** Versioning of the buckets seen, by `connectionId/bucket`; absent while unknown. */
  versioning: Record<string, VersioningStatus | 'unknown'>;
}

export const useDeletedObjects = create<DeletedState>()(() => ({ shown: new Set(), versioning: {} }));

const versioningKey = (connectionId: string, bucket: string) => `${connectionId}/${bucket}`;

export const useBucketVersioning = (connectionId: string, bucket: string) => useDeletedObjects((s) => s.versioning[versioningKey(connectionId, bucket)]);

/** The bucket's versioning, read once per bucket and connection (a failure reads as unknown). */
export async function bucketVersioning(connectionId: string, bucket: string, fresh = false): Promise<VersioningStatus | 'unknown'> {
  const key = versioningKey(connectionId, bucket);
  const known = useDeletedObjects.getState().versioning[key];
  if (known && !fresh) return known;
  const status = await unwrap(api().buckets.versioning({ connectionId, bucket })).catch(() => 'unknown' as const);
  useDeletedObjects.setState((s) => ({ versioning: { ...s.versioning, [key]: status } }));
  return status;
}

/** Forgets a bucket's versioning after the settings dialog may have changed it. */
export function forgetVersioning(connectionId: string, bucket: string): void {
  void bucketVersioning(connectionId, bucket, true);
}

export function setShowDeleted(connectionId: string, show: boolean): void {
  useDeletedObjects.setState((s) => {
    const shown = new Set(s.shown);
    if (show) shown.add(connectionId);
    else shown.delete(connectionId);
    return { shown };
  });
  // Turning it on lists them through the toolbar's sync (which also runs after every listing).
  if (!show) void syncDeletedRows(connectionId);
}

/**
 * Puts the folder's deleted objects into the browser's rows when they are shown (and takes
 * them out when not). Runs after every listing, which replaces the rows with live objects only.
 */
export async function syncDeletedRows(connectionId: string): Promise<void> {
  const tab = getTab(connectionId);
  if (!tab || tab.protocol !== 's3' || tab.path === '/' || tab.loading) return;
  const { generation, path } = tab;
  const live = tab.entries.filter((e) => !e.deleted);
  let deleted: FileEntry[] = [];
  if (useDeletedObjects.getState().shown.has(connectionId)) {
    try {
      deleted = await unwrap(api().buckets.listDeleted({ connectionId, path }));
    } catch (caught) {
      showError(toApiError(caught).message, t('buckets:deleted.listFailed'));
    }
  }
  const now = getTab(connectionId);
  // A newer listing (or another folder) arrived meanwhile: it gets its own sync.
  if (!now || now.generation !== generation || now.path !== path || now.loading) return;
  if (deleted.length === 0 && live.length === now.entries.length) return;
  const names = new Set(live.map((e) => e.path));
  useBrowser.getState().patch(connectionId, { entries: [...live, ...deleted.filter((e) => !names.has(e.path))] });
}

/** Removes the delete markers of each deleted object, so its newest version is current again. */
export async function restoreDeleted(connectionId: string, entries: readonly FileEntry[]): Promise<void> {
  const targets = entries.filter((e) => e.deleted);
  const failed: string[] = [];
  for (const entry of targets) {
    try {
      await unwrap(api().buckets.undelete({ connectionId, path: entry.path }));
    } catch (caught) {
      failed.push(`${entry.name}: ${toApiError(caught).message}`);
    }
  }
  if (failed.length) showError(failed.slice(0, 3).join('\n'), t('buckets:deleted.restoreFailed', { count: failed.length }));
  else showInfo(targets.length === 1 ? t('buckets:deleted.restoredOne', { name: targets[0]!.name }) : t('buckets:deleted.restored', { count: targets.length }));
  refresh(connectionId);
}

/** What deleting objects in this bucket does, in the words its versioning calls for. */
export async function deleteConsequence(connectionId: string, path: string): Promise<string> {
  const { bucket } = splitS3Path(path);
  const status = bucket ? await bucketVersioning(connectionId, bucket, true) : 'unknown';
  if (status === 'Enabled') return t('buckets:deleted.consequence.enabled');
  if (status === 'Suspended') return t('buckets:deleted.consequence.suspended');
  return t('buckets:deleted.consequence.final');
}

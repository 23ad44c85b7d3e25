/** The bucket entries of the file list's context menu (S3 only). */
import { splitS3Path } from '../../../../shared/paths.js';
import type { FileEntry } from '../../../../shared/files.js';
import { archivedClasses } from '../../../../shared/buckets.js';
import { isDirectoryBucket } from '../../../../shared/directoryBuckets.js';
import type { MenuEntry } from '../../components/ContextMenu.js';
import { ShieldIcon } from '../../components/icons.js';
import { t } from '../../i18n/i18n.js';
import type { Tab } from '../browser/browserStore.js';
import { isFolderObject } from '../s3/folderObject.js';
import { copyPublicUrl, setObjectsPublic } from './objectAccessActions.js';
import { restoreDeleted } from './deletedObjects.js';
import { setLegalHolds } from './legalHoldActions.js';
import { openBucketSettings, openDeleteBucket, openRestore, openStorageClass, openVersions } from './dialogs.js';

/**
 * The menu of deleted objects (listed by Show deleted): bring them back, or look at their
 * versions. A folder whose objects are all deleted is opened to restore what is inside.
 */
export function deletedMenuItems(connectionId: string, selected: readonly FileEntry[], open: (entry: FileEntry) => void): MenuEntry[] {
  const files = selected.filter((e) => e.kind === 'file');
  const single = selected.length === 1 ? selected[0]! : null;
  if (single?.kind === 'folder') return [{ label: t('buckets:menu.open'), onSelect: () => open(single) }];
  return [
    { label: t('buckets:menu.restore', { count: files.length }), disabled: files.length === 0, onSelect: () => void restoreDeleted(connectionId, files) },
    { label: t('buckets:menu.showVersions'), disabled: single?.kind !== 'file', onSelect: () => single && openVersions(connectionId, single.path) },
  ];
}

export function bucketMenuItems(connectionId: string, tab: Tab, target: FileEntry | null, selected: readonly FileEntry[]): MenuEntry[] {
  if (tab.protocol !== 's3') return [];
  const bucket = target?.kind === 'bucket' ? target.name : tab.path !== '/' ? splitS3Path(tab.path).bucket : '';
  if (!bucket) return [];
  // A folder object is left out: its path ends in "/", which a storage class change takes as its whole folder.
  const objects = selected.filter((e) => (e.kind === 'file' || e.kind === 'folder') && !isFolderObject(e));
  const single = objects.length === 1 && objects[0]!.kind === 'file' ? objects[0]! : null;
  const items: MenuEntry[] = ['separator', { label: t('buckets:menu.settings'), icon: <ShieldIcon />, onSelect: () => openBucketSettings(connectionId, bucket) }];
  if (target?.kind === 'bucket') {
    items.push({ label: t('buckets:settings.deleteBucket'), danger: true, onSelect: () => openDeleteBucket(connectionId, bucket) });
    return items;
  }
  // Directory buckets have one storage class, no versions, ACLs or Object Lock: nothing below applies.
  if (isDirectoryBucket(bucket)) return items;
  items.push(
    { label: t('buckets:menu.showVersions'), disabled: !single, onSelect: () => single && openVersions(connectionId, single.path) },
    { label: t('buckets:menu.changeClass'), disabled: objects.length === 0, onSelect: () => openStorageClass(connectionId, objects.map((e) => e.path)) },
  );
  const files = objects.filter((e) => e.kind === 'file').map((e) => e.path);
  items.push(
    { label: t('buckets:menu.makePublic'), disabled: files.length === 0, onSelect: () => void setObjectsPublic(connectionId, files, true) },
    { label: t('buckets:menu.makePrivate'), disabled: files.length === 0, onSelect: () => void setObjectsPublic(connectionId, files, false) },
    { label: t('buckets:menu.copyPublicUrl'), disabled: !single, onSelect: () => single && void copyPublicUrl(connectionId, single.path) },
    { label: t('buckets:menu.legalHoldOn'), disabled: files.length === 0, onSelect: () => void setLegalHolds(connectionId, files, true) },
    { label: t('buckets:menu.legalHoldOff'), disabled: files.length === 0, onSelect: () => void setLegalHolds(connectionId, files, false) },
  );
  if (single && archivedClasses.includes(single.storageClass ?? '')) {
    items.push({ label: t('buckets:menu.restoreArchive'), onSelect: () => openRestore(connectionId, single.path, single.storageClass ?? 'GLACIER') });
  }
  return items;
}

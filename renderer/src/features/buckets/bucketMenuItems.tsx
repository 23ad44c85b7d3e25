/** The bucket entries of the file list's context menu (S3 only). */
import { splitS3Path } from '../../../../shared/paths.js';
import type { FileEntry } from '../../../../shared/files.js';
import { archivedClasses } from '../../../../shared/buckets.js';
import type { MenuEntry } from '../../components/ContextMenu.js';
import { ShieldIcon } from '../../components/icons.js';
import type { Tab } from '../browser/browserStore.js';
import { isFolderObject } from '../s3/folderObject.js';
import { copyPublicUrl, setObjectsPublic } from './objectAccessActions.js';
import { openBucketSettings, openDeleteBucket, openRestore, openStorageClass, openVersions } from './dialogs.js';

export function bucketMenuItems(connectionId: string, tab: Tab, target: FileEntry | null, selected: readonly FileEntry[]): MenuEntry[] {
  if (tab.protocol !== 's3') return [];
  const bucket = target?.kind === 'bucket' ? target.name : tab.path !== '/' ? splitS3Path(tab.path).bucket : '';
  if (!bucket) return [];
  // A folder object is left out: its path ends in "/", which a storage class change takes as its whole folder.
  const objects = selected.filter((e) => (e.kind === 'file' || e.kind === 'folder') && !isFolderObject(e));
  const single = objects.length === 1 && objects[0]!.kind === 'file' ? objects[0]! : null;
  const items: MenuEntry[] = ['separator', { label: 'Bucket settings…', icon: <ShieldIcon />, onSelect: () => openBucketSettings(connectionId, bucket) }];
  if (target?.kind === 'bucket') {
    items.push({ label: 'Delete bucket…', danger: true, onSelect: () => openDeleteBucket(connectionId, bucket) });
    return items;
  }
  items.push(
    { label: 'Show versions', disabled: !single, onSelect: () => single && openVersions(connectionId, single.path) },
    { label: 'Change storage class…', disabled: objects.length === 0, onSelect: () => openStorageClass(connectionId, objects.map((e) => e.path)) },
  );
  const files = objects.filter((e) => e.kind === 'file').map((e) => e.path);
  items.push(
    { label: 'Make public', disabled: files.length === 0, onSelect: () => void setObjectsPublic(connectionId, files, true) },
    { label: 'Make private', disabled: files.length === 0, onSelect: () => void setObjectsPublic(connectionId, files, false) },
    { label: 'Copy public URL', disabled: !single, onSelect: () => single && void copyPublicUrl(connectionId, single.path) },
  );
  if (single && archivedClasses.includes(single.storageClass ?? '')) {
    items.push({ label: 'Restore from archive…', onSelect: () => openRestore(connectionId, single.path, single.storageClass ?? 'GLACIER') });
  }
  return items;
}

/** Mounts whichever bucket dialog is open (mounted once, from components/Dialogs.tsx). */
import { BucketSettingsDialog } from './BucketSettingsDialog.js';
import { useBucketDialogs } from './bucketStore.js';
import { CreateBucketDialog } from './CreateBucketDialog.js';
import { DeleteBucketDialog } from './DeleteBucketDialog.js';
import { RestoreDialog } from './RestoreDialog.js';
import { StorageClassDialog } from './StorageClassDialog.js';
import { VersionsDialog } from './VersionsDialog.js';
import './buckets.css';

export function BucketDialogs() {
  const { settings, versions, storageClass, create, remove, restore } = useBucketDialogs();
  return (
    <>
      {settings ? <BucketSettingsDialog key={`${settings.connectionId}/${settings.bucket}`} {...settings} /> : null}
      {versions ? <VersionsDialog key={versions.path} {...versions} /> : null}
      {storageClass ? <StorageClassDialog {...storageClass} /> : null}
      {create ? <CreateBucketDialog {...create} /> : null}
      {remove ? <DeleteBucketDialog {...remove} /> : null}
      {restore ? <RestoreDialog {...restore} /> : null}
    </>
  );
}

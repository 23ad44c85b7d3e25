/** Mounts whichever bucket dialogs are open (mounted once, from components/Dialogs.tsx), and watches for uploads refused by a bucket switch. */
import { useEffect } from 'react';
import { BucketSettingsDialog } from './BucketSettingsDialog.js';
import { bucketSettingsDialog, createBucketDialog, deleteBucketDialog, restoreDialog, storageClassDialog, unsavedChangesDialog, uploadRefusalDialog, versionsDialog } from './dialogs.js';
import { CreateBucketDialog } from './CreateBucketDialog.js';
import { DeleteBucketDialog } from './DeleteBucketDialog.js';
import { RestoreDialog } from './RestoreDialog.js';
import { StorageClassDialog } from './StorageClassDialog.js';
import { UnsavedChangesDialog } from './UnsavedChangesDialog.js';
import { UploadRefusalDialog } from './UploadRefusalDialog.js';
import { watchUploadRefusals } from './uploadRefusalOffer.js';
import { VersionsDialog } from './VersionsDialog.js';
import './buckets.css';

export function BucketDialogs() {
  const settings = bucketSettingsDialog.use();
  const versions = versionsDialog.use();
  const storageClass = storageClassDialog.use();
  const create = createBucketDialog.use();
  const remove = deleteBucketDialog.use();
  const restore = restoreDialog.use();
  const unsaved = unsavedChangesDialog.use();
  const refusal = uploadRefusalDialog.use();
  useEffect(() => watchUploadRefusals(), []);
  return (
    <>
      {settings ? <BucketSettingsDialog key={`${settings.connectionId}/${settings.bucket}`} {...settings} /> : null}
      {versions ? <VersionsDialog key={versions.path} {...versions} /> : null}
      {storageClass ? <StorageClassDialog {...storageClass} /> : null}
      {create ? <CreateBucketDialog {...create} /> : null}
      {remove ? <DeleteBucketDialog {...remove} /> : null}
      {restore ? <RestoreDialog {...restore} /> : null}
      {unsaved ? <UnsavedChangesDialog {...unsaved} /> : null}
      {refusal ? <UploadRefusalDialog key={`${refusal.connectionId}/${refusal.bucket}`} {...refusal} /> : null}
    </>
  );
}

/** The bucket dialogs: settings, versions, storage class change, create, delete, restore. Each may stack on another. */
import { dialogSlot } from '../../lib/dialogSlot.js';

export const bucketSettingsDialog = dialogSlot<{ connectionId: string; bucket: string }>();
export const versionsDialog = dialogSlot<{ connectionId: string; path: string }>();
export const storageClassDialog = dialogSlot<{ connectionId: string; paths: string[] }>();
export const createBucketDialog = dialogSlot<{ connectionId: string }>();
export const deleteBucketDialog = dialogSlot<{ connectionId: string; bucket: string }>();
/** What to do with a settings panel's unsaved edits before leaving it. */
export const unsavedChangesDialog = dialogSlot<{ panel: string; canSave: boolean }, 'save' | 'discard' | 'stay'>('stay');
/** After uploads were refused for the bucket's Block public ACLs switch (non-AWS servers). */
export const uploadRefusalDialog = dialogSlot<{ connectionId: string; bucket: string }>();
export const restoreDialog = dialogSlot<{ connectionId: string; path: string; storageClass: string }>();

export const openBucketSettings = (connectionId: string, bucket: string) => void bucketSettingsDialog.open({ connectionId, bucket });
export const openVersions = (connectionId: string, path: string) => void versionsDialog.open({ connectionId, path });
export const openStorageClass = (connectionId: string, paths: string[]) => void storageClassDialog.open({ connectionId, paths });
export const openCreateBucket = (connectionId: string) => void createBucketDialog.open({ connectionId });
export const openDeleteBucket = (connectionId: string, bucket: string) => void deleteBucketDialog.open({ connectionId, bucket });
export const openRestore = (connectionId: string, path: string, storageClass: string) => void restoreDialog.open({ connectionId, path, storageClass });

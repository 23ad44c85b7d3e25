/** Which bucket dialog is open: settings, versions, storage class change, create, delete, restore. */
import { create } from 'zustand';

interface BucketDialogsState {
  settings: { connectionId: string; bucket: string } | null;
  versions: { connectionId: string; path: string } | null;
  storageClass: { connectionId: string; paths: string[] } | null;
  create: { connectionId: string } | null;
  remove: { connectionId: string; bucket: string } | null;
  restore: { connectionId: string; path: string; storageClass: string } | null;
}

export const useBucketDialogs = create<BucketDialogsState>()(() => ({
  settings: null,
  versions: null,
  storageClass: null,
  create: null,
  remove: null,
  restore: null,
}));

export const openBucketSettings = (connectionId: string, bucket: string) => useBucketDialogs.setState({ settings: { connectionId, bucket } });
export const openVersions = (connectionId: string, path: string) => useBucketDialogs.setState({ versions: { connectionId, path } });
export const openStorageClass = (connectionId: string, paths: string[]) => useBucketDialogs.setState({ storageClass: { connectionId, paths } });
export const openCreateBucket = (connectionId: string) => useBucketDialogs.setState({ create: { connectionId } });
export const openDeleteBucket = (connectionId: string, bucket: string) => useBucketDialogs.setState({ remove: { connectionId, bucket } });
export const openRestore = (connectionId: string, path: string, storageClass: string) =>
  useBucketDialogs.setState({ restore: { connectionId, path, storageClass } });

export function closeBucketDialog(which: keyof BucketDialogsState): void {
  useBucketDialogs.setState({ [which]: null });
}

/** The bucket a path lives in: `/bucket/key` → `bucket`. */
export function bucketOf(path: string): string {
  return path.split('/')[1] ?? '';
}

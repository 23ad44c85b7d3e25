/** The file-action dialogs: copy/move, S3 properties, share... (one slot, since each replaces the other), and New folder. */
import type { FileEntry } from '../../../../shared/files.js';
import { dialogSlot } from '../../lib/dialogSlot.js';

export type ActionDialog =
  | { kind: 'copyMove'; connectionId: string; entries: FileEntry[]; mode: 'copy' | 'move' }
  | { kind: 'properties'; connectionId: string; path: string }
  | { kind: 'share'; connectionId: string; path: string }
  | { kind: 'openBucket'; connectionId: string }
  | { kind: 'progress'; operationId: string; title: string };

export const actionDialog = dialogSlot<ActionDialog>();

export const showActionDialog = (dialog: ActionDialog) => void actionDialog.open(dialog);

export const newFolderDialog = dialogSlot<{ connectionId: string; parentPath: string; bucket: boolean }>();

export const openNewFolder = (connectionId: string, parentPath: string, bucket: boolean) => void newFolderDialog.open({ connectionId, parentPath, bucket });

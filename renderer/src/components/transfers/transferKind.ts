/** How each kind of queued job presents itself in a row: what it does, where it goes. */
import type { TransferSnapshot } from '../../../../shared/transfers.js';
import { formatStorageClass } from '../../lib/format.js';

/** The badge's words for screen readers and its tooltip. */
export function kindLabel(t: TransferSnapshot): string {
  if (t.direction === 'storageClass') return `Change storage class to ${formatStorageClass(t.storageClass)}`;
  return t.direction === 'upload' ? 'Upload' : 'Download';
}

/** The row's tooltip: from where to where. */
export function whereOf(t: TransferSnapshot): string {
  if (t.direction === 'storageClass') return `${t.remotePath} → ${formatStorageClass(t.storageClass)}`;
  return t.direction === 'upload' ? `${t.localPath} → ${t.remotePath}` : `${t.remotePath} → ${t.localPath}`;
}

/**
 * Shown beside the name: the class a change gives the object, or the folder a transfer goes
 * to (two rows of the same name, one up and one down, then differ at a glance).
 */
export function kindTarget(t: TransferSnapshot): string | undefined {
  if (t.direction === 'storageClass') return `→ ${formatStorageClass(t.storageClass)}`;
  const destination = t.direction === 'upload' ? t.remotePath : t.localPath;
  const folder = destination.split(/[\\/]+/).filter(Boolean).at(-2);
  return folder === undefined ? undefined : `→ ${folder}`;
}

/** The running state's word: bytes move for transfers, the server copies for a class change. */
export function runningLabel(t: TransferSnapshot): string {
  return t.direction === 'storageClass' ? 'Changing class' : 'Transferring';
}

/** How each kind of queued job presents itself in a row: its badge, what it does, where it goes. */
import type { TransferSnapshot } from '../../../../shared/transfers.js';
import { StorageClassIcon } from '../../features/transfers/icons.js';
import { formatStorageClass } from '../../lib/format.js';
import { ArrowDownIcon, ArrowUpIcon } from '../icons.js';

/** The badge's words for screen readers and its tooltip. */
export function kindLabel(t: TransferSnapshot): string {
  if (t.direction === 'storageClass') return `Change storage class to ${formatStorageClass(t.storageClass)}`;
  return t.direction === 'upload' ? 'Upload' : 'Download';
}

export function KindIcon({ transfer: t }: { transfer: TransferSnapshot }) {
  if (t.direction === 'storageClass') return <StorageClassIcon size={14} />;
  return t.direction === 'upload' ? <ArrowUpIcon size={14} /> : <ArrowDownIcon size={14} />;
}

/** The row's tooltip: from where to where. */
export function whereOf(t: TransferSnapshot): string {
  if (t.direction === 'storageClass') return `${t.remotePath} → ${formatStorageClass(t.storageClass)}`;
  return t.direction === 'upload' ? `${t.localPath} → ${t.remotePath}` : `${t.remotePath} → ${t.localPath}`;
}

/** Shown beside the name: the class a change gives the object (transfers need none). */
export function kindTarget(t: TransferSnapshot): string | undefined {
  return t.direction === 'storageClass' ? `→ ${formatStorageClass(t.storageClass)}` : undefined;
}

/** The running state's word: bytes move for transfers, the server copies for a class change. */
export function runningLabel(t: TransferSnapshot): string {
  return t.direction === 'storageClass' ? 'Changing class' : 'Transferring';
}

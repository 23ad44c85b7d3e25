/** A queued job's badge: up, down, a copy between servers, or a storage class change. */
import type { TransferSnapshot } from '../../../../shared/transfers.js';
import { StorageClassIcon } from './icons.js';
import { ArrowDownIcon, ArrowUpIcon, CopyIcon } from '../../components/icons.js';

export function KindIcon({ transfer: t }: { transfer: TransferSnapshot }) {
  if (t.direction === 'storageClass') return <StorageClassIcon size={14} />;
  if (t.direction === 'copy') return <CopyIcon size={14} />;
  return t.direction === 'upload' ? <ArrowUpIcon size={14} /> : <ArrowDownIcon size={14} />;
}

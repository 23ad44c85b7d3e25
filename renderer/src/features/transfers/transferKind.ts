/** How each kind of queued job presents itself in a row: what it does, where it goes. */
import type { TransferSnapshot } from '../../../../shared/transfers.js';
import { formatBytes, formatDuration, formatEta, formatRate, formatStorageClass } from '../../lib/format.js';

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

/** A finished transfer's size, and for one that ran a second or more, how long it took and its average speed. */
function completedDetails(t: TransferSnapshot): string {
  const size = t.size ?? t.bytesDone;
  const seconds = (t.activeMs ?? 0) / 1000;
  if (seconds < 1 || t.direction === 'storageClass') return formatBytes(size);
  return `${formatBytes(size)} in ${formatDuration(seconds)} · ${formatRate(size / seconds)} average`;
}

/** The row's second line: bytes, and speed and time left while it runs, or how it went. */
export function rowDetails(t: TransferSnapshot): string {
  const bytes = t.size !== undefined ? `${formatBytes(t.bytesDone)} of ${formatBytes(t.size)}` : formatBytes(t.bytesDone);
  // One CopyObject shows no bytes until it lands; a multipart copy counts its parts.
  if (t.direction === 'storageClass' && t.state === 'running' && t.bytesDone === 0) {
    return [t.size !== undefined ? formatBytes(t.size) : '', 'copying on the server', t.detail].filter(Boolean).join(' · ');
  }
  if (t.state === 'completed') return completedDetails(t);
  if (t.state === 'running') return [bytes, formatRate(t.rate), formatEta(t.etaSeconds), t.detail].filter(Boolean).join(' · ');
  return t.detail ? `${bytes} · ${t.detail}` : bytes;
}

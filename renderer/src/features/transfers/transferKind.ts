/** How each kind of queued job presents itself in a row: what it does, where it goes. */
import type { TransferSnapshot } from '../../../../shared/transfers.js';
import { formatBytes, formatDuration, formatEta, formatRate, formatStorageClass } from '../../lib/format.js';
import { t } from '../../i18n/i18n.js';
import { messagesText } from '../../i18n/messageText.js';
import type { FolderTotals } from './transferRows.js';

/** A row's state, in words: each state's catalog key. */
const stateKeys: Record<TransferSnapshot['state'], string> = {
  queued: 'transfers:states.queued',
  running: 'transfers:states.running',
  paused: 'transfers:states.paused',
  waiting: 'transfers:states.waiting',
  completed: 'transfers:states.completed',
  failed: 'transfers:states.failed',
  cancelled: 'transfers:states.cancelled',
};

export const stateLabel = (state: TransferSnapshot['state']): string => t(stateKeys[state]);

/** "1.2 MB of 3.4 MB", or what is done when the total is unknown. */
function bytesOf(done: number, total: number | undefined): string {
  return total !== undefined ? t('transfers:row.bytesOf', { done: formatBytes(done), total: formatBytes(total) }) : formatBytes(done);
}

/** The transfer's notes, in the window's language. */
export const detailOf = (s: TransferSnapshot): string => messagesText(s.detail);

/** The badge's words for screen readers and its tooltip. */
export function kindLabel(s: TransferSnapshot): string {
  if (s.direction === 'storageClass') return t('transfers:kind.storageClass', { storageClass: formatStorageClass(s.storageClass) });
  if (s.direction === 'copy') return s.move ? t('transfers:kind.move') : t('transfers:kind.copy');
  return s.direction === 'upload' ? t('transfers:kind.upload') : t('transfers:kind.download');
}

/** The row's tooltip: from where to where. */
export function whereOf(s: TransferSnapshot): string {
  if (s.direction === 'storageClass') return `${s.remotePath} → ${formatStorageClass(s.storageClass)}`;
  if (s.direction === 'copy') return `${s.copySource?.path ?? ''} → ${s.remotePath}`;
  return s.direction === 'upload' ? `${s.localPath} → ${s.remotePath}` : `${s.remotePath} → ${s.localPath}`;
}

/**
 * Shown beside the name: the class a change gives the object, or the folder a transfer goes
 * to (two rows of the same name, one up and one down, then differ at a glance).
 */
export function kindTarget(s: TransferSnapshot): string | undefined {
  if (s.direction === 'storageClass') return `→ ${formatStorageClass(s.storageClass)}`;
  const destination = s.direction === 'download' ? s.localPath : s.remotePath;
  const folder = destination.split(/[\\/]+/).filter(Boolean).at(-2);
  return folder === undefined ? undefined : `→ ${folder}`;
}

/** The running state's word: bytes move for transfers, the server copies for a class change. */
export function runningLabel(s: TransferSnapshot): string {
  return s.direction === 'storageClass' ? t('transfers:states.changingClass') : stateLabel('running');
}

/** A finished transfer's size, and for one that ran a second or more, how long it took and its average speed. */
function completedDetails(s: TransferSnapshot): string {
  const size = s.size ?? s.bytesDone;
  const seconds = (s.activeMs ?? 0) / 1000;
  if (seconds < 1 || s.direction === 'storageClass') return formatBytes(size);
  return t('transfers:row.completedIn', { size: formatBytes(size), time: formatDuration(seconds), rate: formatRate(size / seconds) });
}

/** The row's second line: bytes, and speed and time left while it runs, or how it went. */
export function rowDetails(s: TransferSnapshot): string {
  const bytes = bytesOf(s.bytesDone, s.size);
  const detail = detailOf(s);
  // One CopyObject shows no bytes until it lands; a multipart copy counts its parts.
  if (s.direction === 'storageClass' && s.state === 'running' && s.bytesDone === 0) {
    return [s.size !== undefined ? formatBytes(s.size) : '', t('transfers:row.copyingOnServer'), detail].filter(Boolean).join(' · ');
  }
  if (s.state === 'completed') return completedDetails(s);
  if (s.state === 'running') return [bytes, formatRate(s.rate), formatEta(s.etaSeconds), detail].filter(Boolean).join(' · ');
  return detail ? `${bytes} · ${detail}` : bytes;
}

/** Files and bytes done of the total, then speed and time left while it runs. */
export function folderDetails(f: FolderTotals): string {
  if (f.state === 'completed') return `${t('transfers:row.files', { count: f.files })} · ${formatBytes(f.size ?? f.bytesDone)}`;
  const parts = [t('transfers:row.filesOf', { done: f.filesDone, count: f.files }), bytesOf(f.bytesDone, f.size)];
  if (f.state === 'running') parts.push(formatRate(f.rate), formatEta(f.etaSeconds));
  return parts.filter(Boolean).join(' · ');
}

/** Where the folder lands, in full: the remote folder of an upload or a copy, the local folder of a download. */
export const folderTarget = (f: FolderTotals) => (f.direction === 'download' ? f.folder.localPath : f.folder.remotePath);

/** A folder row's badge words: what kind of folder transfer it is. */
export function folderKindLabel(f: FolderTotals): string {
  if (f.direction === 'copy') return f.members[0]?.move ? t('transfers:kind.folderMove') : t('transfers:kind.folderCopy');
  return f.direction === 'upload' ? t('transfers:kind.folderUpload') : t('transfers:kind.folderDownload');
}

/** A folder row's tooltip: from where to where. */
export function folderWhere(f: FolderTotals): string {
  if (f.direction === 'copy') return `${f.folder.sourcePath ?? ''} → ${f.folder.remotePath}`;
  return f.direction === 'upload' ? `${f.folder.localPath} → ${f.folder.remotePath}` : `${f.folder.remotePath} → ${f.folder.localPath}`;
}

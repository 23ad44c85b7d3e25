/** Human-readable sizes, speeds, durations and dates (decimal units, like Finder). */

import { formatBytes } from '../../../shared/format.js';

export { formatBytes, formatCount, plural } from '../../../shared/format.js';

export function formatRate(bytesPerSecond: number | undefined): string {
  if (!bytesPerSecond || bytesPerSecond <= 0) return '';
  return `${formatBytes(bytesPerSecond)}/s`;
}

/** 42 → "0:42", 3723 → "1:02:03". */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = s.toString().padStart(2, '0');
  if (h > 0) return `${h}:${m.toString().padStart(2, '0')}:${ss}`;
  return `${m}:${ss}`;
}

export function formatEta(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
  return `${formatDuration(seconds)} left`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const fullDateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

export function formatDate(epochMs: number | undefined): string {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return '—';
  return dateTime.format(epochMs);
}

export function formatDateLong(epochMs: number | undefined): string {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return '';
  return fullDateTime.format(epochMs);
}

const storageClasses: Record<string, string> = {
  STANDARD: 'Standard',
  STANDARD_IA: 'Standard-IA',
  ONEZONE_IA: 'One Zone-IA',
  INTELLIGENT_TIERING: 'Intelligent-Tiering',
  GLACIER: 'Glacier Flexible',
  GLACIER_IR: 'Glacier Instant',
  DEEP_ARCHIVE: 'Glacier Deep Archive',
  REDUCED_REDUNDANCY: 'Reduced redundancy',
  EXPRESS_ONEZONE: 'Express One Zone',
  OUTPOSTS: 'Outposts',
  SNOW: 'Snow',
};

export function formatStorageClass(value: string | undefined): string {
  if (!value) return '';
  return storageClasses[value] ?? value;
}

/** "rwxr-xr-x" from POSIX mode bits. */
export function formatPermissions(mode: number | undefined): string {
  if (mode === undefined) return '';
  const chars = 'rwxrwxrwx';
  let out = '';
  for (let i = 0; i < 9; i += 1) out += mode & (1 << (8 - i)) ? chars[i] : '-';
  return out;
}

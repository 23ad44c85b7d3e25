/**
 * Human-readable sizes, speeds, durations and dates (decimal units, like Finder), in the
 * window's language: "1.2 MB" in English, "1,2 MB" in Spanish. The Intl formatters are made
 * once per language and made again when the language changes.
 */

import { formatBytes as bytesIn, formatCount as countIn, perLocale } from '../../../shared/format.js';
import englishApp from '../../../shared/i18n/locales/en/app.json';
import { i18n } from '../i18n/i18n.js';

/** The window's language; English before the catalogs start (unit tests, the first paint). */
export const formatLanguage = (): string => (i18n.isInitialized && i18n.language ? i18n.language : 'en');

/** A catalog sentence of `app:`, or its English when the catalogs have not started. */
function appText(key: string, english: string, params?: Record<string, unknown>): string {
  if (i18n.isInitialized) return i18n.t(key, params ?? {});
  return english.replace(/{{(\w+)}}/g, (_, name: string) => String(params?.[name] ?? ''));
}

/** 1234567 → "1.2 MB", "1,2 MB" in Spanish (the window's language unless told). */
export function formatBytes(bytes: number | undefined, language = formatLanguage()): string {
  return bytesIn(bytes, language);
}

export function formatCount(n: number, language = formatLanguage()): string {
  return countIn(n, language);
}

export function formatRate(bytesPerSecond: number | undefined, language = formatLanguage()): string {
  if (!bytesPerSecond || bytesPerSecond <= 0) return '';
  return `${formatBytes(bytesPerSecond, language)}/s`;
}

/** 42 → "0:42", 3723 → "1:02:03" (the same in every language the app speaks). */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = s.toString().padStart(2, '0');
  if (h > 0) return `${h}:${m.toString().padStart(2, '0')}:${ss}`;
  return `${m}:${ss}`;
}

/** "2:03 left", "quedan 2:03". */
export function formatEta(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
  return appText('app:format.left', englishApp.format.left, { duration: formatDuration(seconds) });
}

const dateTime = perLocale((language) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }));
const fullDateTime = perLocale((language) => new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'long' }));

/** The list's form, without seconds: "7 Dec 2026, 09:17", "7 dic 2026, 9:17". */
export function formatDate(epochMs: number | undefined, language = formatLanguage()): string {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return '—';
  return dateTime(language).format(epochMs);
}

export function formatDateLong(epochMs: number | undefined, language = formatLanguage()): string {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return '';
  return fullDateTime(language).format(epochMs);
}

/** Storage class IDs → their catalog names: AWS's Spanish console translates the plain words and keeps the product names. */
const storageClasses: Record<string, [string, keyof typeof englishApp.storageClass]> = {
  STANDARD: ['app:storageClass.standard', 'standard'],
  STANDARD_IA: ['app:storageClass.standardIa', 'standardIa'],
  ONEZONE_IA: ['app:storageClass.oneZoneIa', 'oneZoneIa'],
  INTELLIGENT_TIERING: ['app:storageClass.intelligentTiering', 'intelligentTiering'],
  GLACIER: ['app:storageClass.glacier', 'glacier'],
  GLACIER_IR: ['app:storageClass.glacierIr', 'glacierIr'],
  DEEP_ARCHIVE: ['app:storageClass.deepArchive', 'deepArchive'],
  REDUCED_REDUNDANCY: ['app:storageClass.reducedRedundancy', 'reducedRedundancy'],
  EXPRESS_ONEZONE: ['app:storageClass.expressOneZone', 'expressOneZone'],
  OUTPOSTS: ['app:storageClass.outposts', 'outposts'],
  SNOW: ['app:storageClass.snow', 'snow'],
};

export function formatStorageClass(value: string | undefined): string {
  if (!value) return '';
  const known = storageClasses[value];
  return known ? appText(known[0], englishApp.storageClass[known[1]]) : value;
}

/** "rwxr-xr-x" from POSIX mode bits. */
export function formatPermissions(mode: number | undefined): string {
  if (mode === undefined) return '';
  const chars = 'rwxrwxrwx';
  let out = '';
  for (let i = 0; i < 9; i += 1) out += mode & (1 << (8 - i)) ? chars[i] : '-';
  return out;
}

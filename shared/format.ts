/** Sizes and counts in words, the same in the window and in main's notifications (decimal units, like Finder). */

const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

const decimals = new Map<string, Intl.NumberFormat[]>();

/** One decimal below 100 (1.2 MB, 12.4 MB), none above (124 MB), with the language's decimal mark. */
function sizeNumber(value: number, locale: string): string {
  let formats = decimals.get(locale);
  if (!formats) {
    formats = [0, 1].map((digits) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }));
    decimals.set(locale, formats);
  }
  return value < 100 ? formats[1]!.format(value) : formats[0]!.format(Math.round(value));
}

/** 1234567 → "1.2 MB" (English), "1,2 MB" (Spanish). */
export function formatBytes(bytes: number | undefined, locale = 'en'): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${sizeNumber(value, locale)} ${units[unit]}`;
}

const counts = new Map<string, Intl.NumberFormat>();

/** 12345 → "12,345" (English), "12.345" (Spanish); the system's way without a locale. */
export function formatCount(n: number, locale?: string): string {
  const key = locale ?? '';
  let count = counts.get(key);
  if (!count) {
    count = new Intl.NumberFormat(locale);
    counts.set(key, count);
  }
  return count.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Sizes and counts in words, the same in the window and in main's notifications (decimal units, like Finder). */

const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** One formatter per locale, made the first time that locale asks for it (Intl objects are costly to make, cheap to reuse). */
export function perLocale<T>(make: (locale: string | undefined) => T): (locale?: string) => T {
  const made = new Map<string, T>();
  return (locale) => {
    let value = made.get(locale ?? '');
    if (value === undefined) {
      value = make(locale);
      made.set(locale ?? '', value);
    }
    return value;
  };
}

const decimals = perLocale((locale) => [0, 1].map((digits) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));

/** One decimal below 100 (1.2 MB, 12.4 MB), none above (124 MB), with the language's decimal mark. */
function sizeNumber(value: number, locale: string): string {
  const [whole, oneDecimal] = decimals(locale);
  return value < 100 ? oneDecimal!.format(value) : whole!.format(Math.round(value));
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

const counts = perLocale((locale) => new Intl.NumberFormat(locale));

/** 12345 → "12,345" (English), "12.345" (Spanish); the system's way without a locale. */
export function formatCount(n: number, locale?: string): string {
  return counts(locale).format(n);
}

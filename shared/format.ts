/** Sizes and counts in words, the same in the window and in main's notifications (decimal units, like Finder). */

const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  // 1.2 MB, 12.4 MB, 124 MB
  const text = value < 100 ? value.toFixed(1) : Math.round(value).toString();
  return `${text} ${units[unit]}`;
}

const count = new Intl.NumberFormat();

export function formatCount(n: number): string {
  return count.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Sorted, merged [start, end) byte ranges: what part of a file is already in place. */
export type Range = [number, number];

export function addRange(ranges: Range[], start: number, end: number): Range[] {
  const all = [...ranges, [start, end] as Range].sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const r of all) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export function coveredBytes(ranges: Range[]): number {
  return ranges.reduce((n, [a, b]) => n + (b - a), 0);
}

/** The end of the unbroken run from `from` (a safe resume offset for sequential protocols). */
export function contiguousEnd(ranges: Range[], from = 0): number {
  let end = from;
  for (const [a, b] of ranges) {
    if (a > end) break;
    end = Math.max(end, b);
  }
  return end;
}

export function isCovered(ranges: Range[], start: number, end: number): boolean {
  return ranges.some(([a, b]) => a <= start && end <= b);
}

/** The gaps of [start, end) that `ranges` does not cover. */
export function missingIn(ranges: Range[], start: number, end: number): Range[] {
  const gaps: Range[] = [];
  let at = start;
  for (const [a, b] of ranges) {
    if (b <= at) continue;
    if (a >= end) break;
    if (a > at) gaps.push([at, a]);
    at = Math.max(at, b);
    if (at >= end) break;
  }
  if (at < end) gaps.push([at, end]);
  return gaps;
}

/** `ranges` less [start, end). */
export function removeRange(ranges: Range[], start: number, end: number): Range[] {
  const out: Range[] = [];
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) out.push([a, b]);
    else {
      if (a < start) out.push([a, start]);
      if (b > end) out.push([end, b]);
    }
  }
  return out;
}

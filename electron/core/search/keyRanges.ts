/**
 * Cutting the keys still to list under a prefix into ranges that can be listed side by side.
 * A range is every key after `after` up to and including `upTo` (open at the end when there is
 * no `upTo`). Splitting a range at strictly rising points inside it gives ranges that hold every
 * key of the range exactly once, whatever the points are; where the points fall only decides how
 * evenly the work is shared, so they are guessed from the page just listed.
 */
import { compareKeys } from '../../../shared/s3KeyOrder.js';

/** Keys after `after` (all from the prefix's start when absent), up to and including `upTo` (to the prefix's end when absent). */
export interface KeyRange {
  after?: string;
  upTo?: string;
}

/** Characters a split may use when the page shows too few: a spread over the printable ones names use most. */
const fallbackChars = [...'-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'];

/** How many character positions above the one that varies in the page the split points may reach. */
const levels = 3;

const byCodePoint = (a: string, b: string) => a.codePointAt(0)! - b.codePointAt(0)!;

/**
 * Up to `parts - 1` points that split the range after `lastKey` (the last key a page listed) up to
 * `upTo` into `parts` ranges, rising, each strictly after `lastKey` and before `upTo`. The page's
 * first and last keys share a start; the position after it is the one that varied over a page of
 * keys, so the points raise the characters one to three positions above it (each position up
 * covers many more keys; at it when it is the first after the prefix), using the characters
 * seen varying there. No points when none fit.
 */
export function splitPoints(pageKeys: readonly string[], upTo: string | undefined, prefix: string, parts: number): string[] {
  const lastKey = pageKeys.at(-1);
  if (lastKey === undefined || parts < 2) return [];
  const last = Array.from(lastKey);
  const first = Array.from(pageKeys[0]!);
  const fixed = Array.from(prefix).length;
  let varies = 0;
  while (varies < first.length && varies < last.length && first[varies] === last[varies]) varies++;
  varies = Math.min(varies, last.length - 1);
  if (varies < fixed) return [];

  const seen = new Set<string>();
  for (const key of pageKeys) {
    const c = Array.from(key)[varies];
    if (c !== undefined) seen.add(c);
  }
  if (seen.size < parts) for (const c of fallbackChars) seen.add(c);
  const alphabet = [...seen].sort(byCodePoint);

  const candidates: string[] = [];
  const top = Math.max(varies - 1, fixed);
  // Deeper positions first: every point there sorts before every point a position further up.
  collect: for (let j = top; j >= Math.max(fixed, top - levels + 1); j--) {
    const head = last.slice(0, j).join('');
    const at = last[j]!.codePointAt(0)!;
    for (const c of alphabet) {
      if (c.codePointAt(0)! <= at) continue;
      const point = head + c;
      if (upTo !== undefined && compareKeys(point, upTo) >= 0) break collect;
      candidates.push(point);
    }
  }
  if (candidates.length < parts) return candidates;
  const points: string[] = [];
  for (let i = 1; i < parts; i++) points.push(candidates[Math.floor((i * candidates.length) / parts) - 1]!);
  return points;
}

/** The range after `lastKey` up to `upTo`, cut at `points` (rising, inside it). */
export function cutRange(lastKey: string, upTo: string | undefined, points: readonly string[]): KeyRange[] {
  const bounds = [lastKey, ...points];
  return bounds.map((after, i) => {
    const end = i + 1 < bounds.length ? bounds[i + 1] : upTo;
    return end === undefined ? { after } : { after, upTo: end };
  });
}

import { describe, expect, it } from 'vitest';
import { cutRange, splitPoints } from '../../electron/core/search/keyRanges.js';
import { compareKeys } from '../../shared/s3KeyOrder.js';
import { listInRanges } from '../../electron/core/search/rangeListing.js';

/** S3's own order, by UTF-8 bytes, computed independently of `compareKeys`. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/**
 * A bucket in memory that answers like ListObjectsV2 with StartAfter: the keys after `after` in
 * byte order, `pageSize` at a time, each answer after a random few turns so listers interleave.
 */
function memoryBucket(keys: string[], pageSize: number) {
  const sorted = [...new Set(keys)].sort(byBytes);
  let requests = 0;
  let open = 0;
  let mostOpen = 0;
  const page = async (after: string | undefined) => {
    requests++;
    open++;
    mostOpen = Math.max(mostOpen, open);
    for (let i = Math.floor(Math.random() * 4); i > 0; i--) await new Promise((resolve) => setImmediate(resolve));
    open--;
    // The first key after `after`, by bisection.
    let from = 0;
    for (let to = sorted.length; after !== undefined && from < to; ) {
      const mid = (from + to) >> 1;
      if (byBytes(sorted[mid]!, after) > 0) to = mid;
      else from = mid + 1;
    }
    return { objects: sorted.slice(from, from + pageSize).map((key) => ({ key })), truncated: sorted.length - from > pageSize };
  };
  return { sorted, page, stats: () => ({ requests, mostOpen }) };
}

async function searchAll(keys: string[], prefix: string, pageSize = 10, listers = 6) {
  const bucket = memoryBucket(keys, pageSize);
  const taken: string[] = [];
  await listInRanges<{ key: string }>({ listers, prefix, page: bucket.page, take: (objects) => taken.push(...objects.map((o) => o.key)) });
  return { taken, expected: bucket.sorted, ...bucket.stats() };
}

const numbered = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

describe('search: listing a prefix in ranges side by side', () => {
  const sets: [string, string, string[]][] = [
    ['numbered keys under one prefix', 'p/', numbered(2000, (i) => `p/object-${String(i).padStart(6, '0')}.dat`)],
    ['every key with one long shared start', 'p/', numbered(500, (i) => `p/${'same'.repeat(20)}${i}`)],
    ['keys with unicode, astral characters and characters above U+E000', 'u/', numbered(600, (i) => `u/${['é', '😀', '\uE000', '\uFFFD', '日本', 'a', '𝄞'][i % 7]}${i}${['', '😀', 'ñ'][i % 3]}`)],
    ['keys with characters below 0 (spaces, !, #, control characters)', 'c/', numbered(400, (i) => `c/${[' ', '!', '#', '\u0001', '\t', '-', '.'][i % 7]}${String(i).padStart(3, ' ')}`)],
    ['very few keys', 'f/', ['f/a', 'f/b', 'f/c']],
    ['one key', 'o/', ['o/only']],
    ['no key', 'none/', []],
    ['exactly one page', 'e/', numbered(10, (i) => `e/${i}`)],
    ['keys ending exactly at likely split points and folders', 'b/', numbered(300, (i) => `b/${'0123456789abcdefghij'[i % 20]}${i % 3 === 0 ? '' : `/${i}`}`).concat(['b/', 'b/1', 'b/2/', 'b/a'])],
    ['random bytes of every kind', 'r/', numbered(1500, (i) => `r/${String.fromCodePoint(...numbered(1 + (i % 5), (j) => [0x21, 0x7e, 0xe9, 0x1f600, 0x30, 0x5a][(i * 7 + j * 13) % 6]! + ((i + j) % 11)))}${i}`)],
  ];

  for (const [what, prefix, keys] of sets) {
    it(`takes every key exactly once: ${what}`, async () => {
      for (const pageSize of [1, 3, 10, 1000]) {
        const { taken, expected } = await searchAll(keys, prefix, pageSize);
        expect(taken.length).toBe(expected.length);
        expect([...taken].sort(byBytes)).toEqual(expected);
      }
    });
  }

  it('lists a large prefix with several requests at once, never more than the listers allowed', async () => {
    const keys = numbered(5000, (i) => `big/item-${String(i).padStart(5, '0')}`);
    const { taken, requests, mostOpen } = await searchAll(keys, 'big/', 100, 4);
    expect(taken).toHaveLength(5000);
    expect(mostOpen).toBeGreaterThan(1);
    expect(mostOpen).toBeLessThanOrEqual(4);
    // Spread over ranges, at the cost of only a few extra requests for ranges that hold nothing.
    expect(requests).toBeGreaterThanOrEqual(50);
    expect(requests).toBeLessThan(80);
  });

  it('ends with the first failure', async () => {
    const bucket = memoryBucket(numbered(100, (i) => `x/${i}`), 10);
    let calls = 0;
    const failing = (after: string | undefined) => (++calls === 3 ? Promise.reject(new Error('gone')) : bucket.page(after));
    await expect(listInRanges<{ key: string }>({ listers: 3, prefix: 'x/', page: failing, take: () => undefined })).rejects.toThrow('gone');
  });
});

describe('search: key order and split points', () => {
  it('orders keys as S3 does (UTF-8 bytes), also where UTF-16 order differs', () => {
    const keys = ['a', 'ab', 'b', '\uE000', '😀', '\uFFFD', 'é', 'z', '', '\u0001', '😀a', '😁'];
    expect([...keys].sort(compareKeys)).toEqual([...keys].sort(byBytes));
    expect(compareKeys('\uFFFD', '😀')).toBeLessThan(0);
    expect('\uFFFD' < '😀').toBe(false);
  });

  it('puts points strictly after the last key and before the range end, rising', () => {
    const page = numbered(1000, (i) => `bench/object-${String(i).padStart(6, '0')}.dat`);
    const points = splitPoints(page, undefined, 'bench/', 6);
    expect(points).toHaveLength(5);
    expect(compareKeys(points[0]!, page.at(-1)!)).toBeGreaterThan(0);
    for (let i = 1; i < points.length; i++) expect(compareKeys(points[i]!, points[i - 1]!)).toBeGreaterThan(0);
    // Digits vary in the page, so the points raise digits above the one that varied.
    expect(points.every((p) => /^bench\/object-0*[1-9]$/u.test(p))).toBe(true);

    const upTo = 'bench/object-002';
    const inside = splitPoints(page, upTo, 'bench/', 4);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.every((p) => compareKeys(p, page.at(-1)!) > 0 && compareKeys(p, upTo) < 0)).toBe(true);
  });

  it('makes no points inside the prefix, and none when nothing fits before the end', () => {
    expect(splitPoints(['p/'], undefined, 'p/', 4)).toEqual([]);
    expect(splitPoints(['p/a', 'p/b'], 'p/b!', 'p/', 4)).toEqual([]);
    expect(splitPoints(['p/a'], undefined, 'p/', 1)).toEqual([]);
    for (const point of splitPoints(['p/ab', 'p/az'], undefined, 'p/', 8)) expect(point.startsWith('p/')).toBe(true);
  });

  it('cuts a range into ranges that meet end to end', () => {
    expect(cutRange('k1', 'k9', ['k3', 'k5'])).toEqual([
      { after: 'k1', upTo: 'k3' },
      { after: 'k3', upTo: 'k5' },
      { after: 'k5', upTo: 'k9' },
    ]);
    expect(cutRange('k1', undefined, ['k3'])).toEqual([{ after: 'k1', upTo: 'k3' }, { after: 'k3' }]);
  });
});

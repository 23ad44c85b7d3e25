import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { multipartEtag, plainMd5Etag } from '../../electron/core/s3/s3TransferChecks.js';
import { BandwidthLimiter } from '../../electron/core/transfers/bandwidth.js';
import { addRange, contiguousEnd, coveredBytes, missingIn } from '../../electron/core/transfers/byteRanges.js';
import { backoffMs } from '../../electron/core/transfers/retryPolicy.js';

describe('byte ranges', () => {
  it('merges touching and overlapping ranges', () => {
    let r = addRange([], 10, 20);
    r = addRange(r, 0, 5);
    r = addRange(r, 5, 10);
    r = addRange(r, 30, 40);
    expect(r).toEqual([
      [0, 20],
      [30, 40],
    ]);
    expect(coveredBytes(r)).toBe(30);
    expect(contiguousEnd(r)).toBe(20);
    expect(missingIn(r, 0, 50)).toEqual([
      [20, 30],
      [40, 50],
    ]);
    expect(missingIn(r, 2, 18)).toEqual([]);
  });
  it('a resume offset never skips a hole left by parallel chunks', () => {
    const r = addRange(addRange([], 0, 100), 200, 300);
    expect(contiguousEnd(r)).toBe(100);
  });
});

describe('S3 checks', () => {
  it('computes the multipart ETag from the part ETags', () => {
    const a = createHash('md5').update('a').digest('hex');
    const b = createHash('md5').update('b').digest('hex');
    const expected = createHash('md5').update(Buffer.concat([Buffer.from(a, 'hex'), Buffer.from(b, 'hex')])).digest('hex');
    expect(multipartEtag([`"${a}"`, `"${b}"`])).toBe(`${expected}-2`);
    expect(plainMd5Etag('"abc-2"')).toBeUndefined();
  });
});

describe('retry backoff', () => {
  it('doubles from the base and stays under the cap', () => {
    expect(backoffMs(0, 1000)).toBeGreaterThanOrEqual(1000);
    expect(backoffMs(0, 1000)).toBeLessThanOrEqual(1200);
    expect(backoffMs(3, 1000)).toBeGreaterThanOrEqual(8000);
    expect(backoffMs(20, 1000)).toBeLessThanOrEqual(36_000);
  });
});

describe('bandwidth limiter', () => {
  it('holds a queue to its rate', async () => {
    const limiter = new BandwidthLimiter(1_000_000);
    const began = Date.now();
    await Promise.all(Array.from({ length: 8 }, () => limiter.take(100_000)));
    const seconds = (Date.now() - began) / 1000;
    // 800 kB at 1 MB/s, less the quarter-second burst.
    expect(seconds).toBeGreaterThan(0.5);
    expect(seconds).toBeLessThan(1.5);
  });
  it('lets callers stopped while in line go at once, without spending the bucket', async () => {
    const limiter = new BandwidthLimiter(1_000_000);
    const stop = new AbortController();
    const began = Date.now();
    const inLine = Array.from({ length: 6 }, () => limiter.take(1_000_000, stop.signal).then(() => 'sent', () => 'stopped'));
    setTimeout(() => stop.abort(new Error('paused')), 100);
    expect(await Promise.all(inLine)).toEqual(Array(6).fill('stopped'));
    expect(Date.now() - began).toBeLessThan(1000);
    // The next caller finds the bucket as the stopped ones left it: about one second of debt at most.
    const after = Date.now();
    await limiter.take(1000);
    expect(Date.now() - after).toBeLessThan(1500);
  });
  it('does not wait without a limit', async () => {
    const began = Date.now();
    await new BandwidthLimiter(0).take(1e12);
    expect(Date.now() - began).toBeLessThan(50);
  });
});

import { describe, expect, it } from 'vitest';
import { choosePartSize, farAnswerMs, maxObjectSize, maxParts, maxPartSize, MiB, minPartSize, planParts } from '../../electron/core/s3/multipartPlan.js';

describe('multipart plan', () => {
  it('knows S3\'s limits: 5 MiB to 5 GiB a part, 5 TiB an object', () => {
    expect(minPartSize).toBe(5 * 2 ** 20);
    expect(maxPartSize).toBe(5 * 2 ** 30);
    expect(maxObjectSize).toBe(5 * 2 ** 40);
  });

  it('fits any file up to the S3 maximum in 10,000 parts of 5 MiB to 5 GiB', () => {
    for (const size of [1, 5 * MiB, 1024 * MiB, 80_000 * MiB, maxObjectSize]) {
      const part = choosePartSize(size);
      expect(part).toBeGreaterThanOrEqual(minPartSize);
      expect(part).toBeLessThanOrEqual(maxPartSize);
      expect(Math.ceil(size / part)).toBeLessThanOrEqual(maxParts);
    }
  });

  it('grows automatic parts with the file, from 8 to 64 MiB, and keeps a preferred size', () => {
    expect(choosePartSize(100 * MiB)).toBe(8 * MiB);
    expect(choosePartSize(1024 * MiB)).toBe(8 * MiB);
    expect(choosePartSize(5 * 1024 * MiB)).toBe(40 * MiB);
    expect(choosePartSize(100 * 1024 * MiB)).toBe(64 * MiB);
    expect(choosePartSize(1024 * 1024 * MiB)).toBe(Math.ceil(1024 * 1024 / maxParts) * MiB);
    expect(choosePartSize(5 * 1024 * MiB, 16 * MiB)).toBe(16 * MiB);
    expect(choosePartSize(100 * MiB, 1 * MiB)).toBe(minPartSize);
  });

  it('makes a quarter as many parts for a far server, whose every part waits a round trip for its answer', () => {
    expect(choosePartSize(1024 * MiB, undefined, farAnswerMs - 1)).toBe(8 * MiB);
    expect(choosePartSize(1024 * MiB, undefined, farAnswerMs)).toBe(32 * MiB);
    expect(choosePartSize(100 * MiB, undefined, 80)).toBe(8 * MiB);
    expect(choosePartSize(5 * 1024 * MiB, undefined, 80)).toBe(64 * MiB);
    expect(choosePartSize(1024 * MiB, 16 * MiB, 80)).toBe(16 * MiB);
  });

  it('covers every byte exactly once, in order', () => {
    const size = 3 * 8 * MiB + 123;
    const parts = planParts(size, 8 * MiB);
    expect(parts.map((p) => p.partNumber)).toEqual([1, 2, 3, 4]);
    expect(parts.reduce((n, p) => n + p.length, 0)).toBe(size);
    parts.forEach((p, i) => expect(p.offset).toBe(i * 8 * MiB));
    expect(parts.at(-1)!.length).toBe(123);
  });

  it('plans one empty part for an empty file', () => {
    expect(planParts(0, 8 * MiB)).toEqual([{ partNumber: 1, offset: 0, length: 0 }]);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors.js';
import { isGlob, nameMatcher } from '../../electron/core/search/nameMatcher.js';

describe('search name matching', () => {
  it('matches a substring anywhere, ignoring case unless asked', () => {
    const loose = nameMatcher('Rep', false);
    expect(['report.pdf', 'old-REPORT', 'rep'].every(loose)).toBe(true);
    expect(loose('notes.md')).toBe(false);
    const exact = nameMatcher('Rep', true);
    expect(exact('Report')).toBe(true);
    expect(exact('report')).toBe(false);
  });

  it('takes regular-expression characters literally in a substring', () => {
    expect(nameMatcher('a+b (1).txt', false)('x a+b (1).txt')).toBe(true);
    expect(nameMatcher('a.b', false)('axb')).toBe(false);
  });

  it('reads *, ? and [...] as a glob over the whole name', () => {
    expect(isGlob('*.jpg')).toBe(true);
    expect(isGlob('photo')).toBe(false);
    const jpg = nameMatcher('*.JPG', false);
    expect(jpg('cat.jpg')).toBe(true);
    expect(jpg('cat.jpg.bak')).toBe(false);
    expect(nameMatcher('item-?.dat', false)('item-7.dat')).toBe(true);
    expect(nameMatcher('item-?.dat', false)('item-17.dat')).toBe(false);
    expect(nameMatcher('log[0-2].txt', false)('log2.txt')).toBe(true);
    expect(nameMatcher('log[!0-2].txt', false)('log2.txt')).toBe(false);
    expect(nameMatcher('log[!0-2].txt', false)('log5.txt')).toBe(true);
    expect(nameMatcher('*.JPG', true)('cat.jpg')).toBe(false);
  });

  it('reads an unclosed [ literally and refuses a set the engine cannot read, with a clear error', () => {
    expect(nameMatcher('a[b*', false)('a[bcd')).toBe(true);
    let error: unknown;
    try {
      nameMatcher('x[z-a]', false);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'invalidInput', code: 'coreSearch:badGlob' });
  });
});

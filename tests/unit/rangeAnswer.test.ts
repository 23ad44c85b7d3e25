import { describe, expect, it } from 'vitest';
import { bodyLengthFor } from '../../electron/core/s3/rangeFetch.js';

const answer = (statusCode: number, headers: Record<string, string>) => ({ statusCode, headers });

describe('the answer to a direct range request', () => {
  it('takes only the range asked for', () => {
    const ok = answer(206, { 'content-length': '10', 'content-range': 'bytes 20-29/100' });
    expect(bodyLengthFor(ok, 20, 30)).toBe(10);
    expect(bodyLengthFor(ok, 0, 10)).toBeUndefined();
    expect(bodyLengthFor(answer(206, { 'content-length': '10', 'content-range': 'bytes 30-39/100' }), 20, 30)).toBeUndefined();
    expect(bodyLengthFor(answer(206, { 'content-range': 'bytes 20-29/100' }), 20, 30)).toBeUndefined();
  });

  it('takes a whole-object 200 only for a range from byte 0 of that length', () => {
    const whole = answer(200, { 'content-length': '100' });
    expect(bodyLengthFor(whole, 0, 100)).toBe(100);
    expect(bodyLengthFor(whole, 0, 50)).toBeUndefined();
    expect(bodyLengthFor(whole, 50, 150)).toBeUndefined();
  });

  it('declines errors and redirects, whatever their length', () => {
    for (const status of [301, 403, 412, 503]) {
      expect(bodyLengthFor(answer(status, { 'content-length': '10', 'content-range': 'bytes 0-9/10' }), 0, 10)).toBeUndefined();
    }
  });
});

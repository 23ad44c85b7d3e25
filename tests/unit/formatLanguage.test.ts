import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLanguage, startI18n } from '../../renderer/src/i18n/i18n.js';
import { formatBytes, formatCount, formatDate, formatDateLong, formatEta, formatRate, formatStorageClass } from '../../renderer/src/lib/format.js';

describe('the formatters speak the window’s language', () => {
  const when = Date.UTC(2026, 11, 7, 9, 17, 22);
  beforeAll(() => startI18n('en'));
  afterAll(() => setLanguage('en'));

  it('English: a decimal point, grouped digits, "left", English dates', async () => {
    await setLanguage('en');
    expect(formatBytes(1_234_567)).toBe('1.2 MB');
    expect(formatRate(12_400_000)).toBe('12.4 MB/s');
    expect(formatCount(12_345)).toBe('12,345');
    expect(formatEta(123)).toBe('2:03 left');
    expect(formatDate(when)).toMatch(/Dec/);
    expect(formatStorageClass('STANDARD_IA')).toBe('Standard-IA');
    expect(formatStorageClass('REDUCED_REDUNDANCY')).toBe('Reduced redundancy');
  });

  it('Spanish: a decimal comma, "quedan", Spanish month names, AWS console class names; switching back needs no restart', async () => {
    await setLanguage('es');
    expect(formatBytes(1_234_567)).toBe('1,2 MB');
    expect(formatRate(12_400_000)).toBe('12,4 MB/s');
    expect(formatCount(12_345)).toBe('12.345');
    expect(formatEta(123)).toBe('quedan 2:03');
    expect(formatDate(when)).toMatch(/dic/);
    expect(formatDateLong(when)).toMatch(/diciembre/);
    expect(formatStorageClass('STANDARD')).toBe('Estándar');
    expect(formatStorageClass('STANDARD_IA')).toBe('Estándar-IA');
    expect(formatStorageClass('GLACIER_IR')).toBe('Glacier Instant');
    expect(formatStorageClass('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    await setLanguage('en');
    expect(formatBytes(1_234_567)).toBe('1.2 MB');
    expect(formatDate(when)).toMatch(/Dec/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  hasHiddenControls,
  hiddenControlNote,
  revealHiddenControls,
  splitHiddenControls,
} from '../../shared/hiddenControls.js';

const bidi = ['\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u061C'];
const zeroWidth = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];

describe('hidden bidi and zero-width characters in names', () => {
  it('cuts a right-to-left override out of "exe.png" so the name reads as it is', () => {
    expect(splitHiddenControls('\u202Egnp.exe')).toEqual([
      { hidden: { char: '\u202E', code: 'U+202E', name: 'right-to-left override' } },
      { text: 'gnp.exe' },
    ]);
    expect(revealHiddenControls('\u202Egnp.exe')).toBe('⟨U+202E⟩gnp.exe');
    expect(revealHiddenControls('a\u200Bb\uFEFF')).toBe('a⟨U+200B⟩b⟨U+FEFF⟩');
  });

  it('finds every bidi control and zero-width character, each as its own piece', () => {
    for (const char of [...bidi, ...zeroWidth]) {
      expect(hasHiddenControls(`x${char}y`)).toBe(true);
      const pieces = splitHiddenControls(`x${char}${char}y`);
      expect(pieces).toHaveLength(4);
      expect(pieces[1]).toMatchObject({ hidden: { char } });
      expect(pieces[2]).toMatchObject({ hidden: { char } });
      expect(revealHiddenControls(`${char}`)).toMatch(/^⟨U\+[0-9A-F]{4}⟩$/);
    }
  });

  it('leaves ordinary names, right-to-left scripts and emoji alone', () => {
    for (const name of ['report.pdf', '', 'שלום.txt', 'تقرير.pdf', 'naïve café.txt', '📁 photos', 'a\u00A0b']) {
      expect(hasHiddenControls(name)).toBe(false);
      expect(splitHiddenControls(name)).toEqual([{ text: name }]);
      expect(revealHiddenControls(name)).toBe(name);
    }
  });

  it('says in the tooltip what the character is and why it is shown', () => {
    const [first] = splitHiddenControls('\u202Egnp.exe');
    if (!first || !('hidden' in first)) throw new Error('expected a hidden control first');
    expect(hiddenControlNote(first.hidden)).toBe(
      'This name holds a hidden control character, U+202E (right-to-left override), that can make it read differently ' +
        'from what it is. Stowage shows it as ⟨U+202E⟩.',
    );
  });
});

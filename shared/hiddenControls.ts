/**
 * Invisible characters that change how a name reads: bidi controls (a right-to-left
 * override makes `\u202Egnp.exe` read "exe.png") and zero-width characters (two names that
 * look the same but differ). Names are shown with each one replaced by a visible marker,
 * as VS Code and GitHub do.
 */

export interface HiddenControl {
  /** The character itself. */
  char: string;
  /** `U+202E`. */
  code: string;
  /** What Unicode calls it, in lower case. */
  name: string;
}

const names: Record<number, string> = {
  0x061c: 'arabic letter mark',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero width no-break space',
};

const oneControl = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;
// A fresh global copy per call: a shared one carries its lastIndex from call to call.
const everyControl = () => new RegExp(oneControl.source, 'g');

/** A piece of a name: plain text, or one hidden control to show as a marker. */
export type NamePiece = { text: string } | { hidden: HiddenControl };

function describe(char: string): HiddenControl {
  const point = char.codePointAt(0)!;
  return { char, code: `U+${point.toString(16).toUpperCase().padStart(4, '0')}`, name: names[point] ?? 'control character' };
}

export function hasHiddenControls(text: string): boolean {
  return oneControl.test(text);
}

/** The name cut at each hidden control; a name without any is one text piece. */
export function splitHiddenControls(text: string): NamePiece[] {
  const pieces: NamePiece[] = [];
  let start = 0;
  for (const match of text.matchAll(everyControl())) {
    if (match.index > start) pieces.push({ text: text.slice(start, match.index) });
    pieces.push({ hidden: describe(match[0]) });
    start = match.index + 1;
  }
  if (start < text.length || pieces.length === 0) pieces.push({ text: text.slice(start) });
  return pieces;
}

/** What stands in for the character: `⟨U+202E⟩`. */
export function hiddenControlMarker(control: HiddenControl): string {
  return `⟨${control.code}⟩`;
}

/** The name as plain text with every hidden control shown as its marker (titles, tooltips). */
export function revealHiddenControls(text: string): string {
  return text.replace(everyControl(), (char) => hiddenControlMarker(describe(char)));
}

/** The tooltip of a marker. */
export function hiddenControlNote(control: HiddenControl): string {
  return (
    `This name holds a hidden control character, ${control.code} (${control.name}), that can make it read ` +
    `differently from what it is. Stowage shows it as ${hiddenControlMarker(control)}.`
  );
}

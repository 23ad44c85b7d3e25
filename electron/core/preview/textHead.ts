import { codedError } from '../errors.js';

/** Control bytes text never holds (NUL and most C0 codes; tab, newlines, form feed and escape are fine). */
const controlBytes = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31]);

/** How many bytes at the end of `bytes` start a UTF-8 character that the cut left incomplete. */
function cutCharacterLength(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needs > back ? back : 0;
  }
  return 0;
}

/** UTF-16 text announced by its byte-order mark (Windows tools write it), decoded; undefined for anything else. */
function utf16(head: Buffer, truncated: boolean): string | undefined {
  const le = head[0] === 0xff && head[1] === 0xfe;
  const be = head[0] === 0xfe && head[1] === 0xff;
  if (!le && !be) return undefined;
  // Whole code units only: a cut may split the last one.
  const body = head.subarray(2, truncated ? head.length - (head.length % 2) : head.length);
  return new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(body);
}

/**
 * The head of a file as text, or a refusal when it is not text: a NUL or other control byte
 * in the first 8 KiB, or too many elsewhere. UTF-8 is read as such (a character the cut of a
 * truncated head split is dropped, a byte-order mark too); UTF-16 by its byte-order mark;
 * other bytes as Windows-1252, the usual single-byte text of older files and logs.
 */
export function textOfHead(head: Buffer, truncated: boolean, name: string): string {
  const wide = utf16(head, truncated);
  if (wide !== undefined) return wide;
  const body = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
  const bytes = truncated ? body.subarray(0, body.length - cutCharacterLength(body)) : body;
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (!controlBytes.has(bytes[i]!)) continue;
    if (i < 8192 || bytes[i] === 0) throw codedError('unsupported', 'corePreview:binary', { name });
    controls++;
  }
  if (controls > bytes.length / 100) throw codedError('unsupported', 'corePreview:binary', { name });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8 after all, so the cut split no character: every byte of the head is one.
    return new TextDecoder('windows-1252').decode(body);
  }
}

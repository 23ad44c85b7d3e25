/** Quick Look's pure parts: Range headers, text detection, what a name previews as, CSV rows, syntax colours. */
import { describe, expect, it } from 'vitest';
import { planFor } from '../../electron/core/preview/previewKinds.js';
import { parseRange } from '../../electron/core/preview/rangeHeader.js';
import { textOfHead } from '../../electron/core/preview/textHead.js';
import { parseDelimited } from '../../renderer/src/features/preview/csv.js';
import { tokenize } from '../../renderer/src/features/preview/highlight.js';

describe('Range headers', () => {
  it('reads a span, an open end and a suffix, clamped to the file', () => {
    expect(parseRange(undefined, 100)).toBeUndefined();
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 10 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 100 });
    expect(parseRange('bytes=90-500', 100)).toEqual({ start: 90, end: 100 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 100 });
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 100 });
  });

  it('refuses what cannot be served, and what is malformed', () => {
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-0', 0)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-9junk', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-9;', 100)).toBe('unsatisfiable');
  });

  it('ignores a range that ends before it starts and a unit it does not know (the whole file, RFC 9110)', () => {
    expect(parseRange('bytes=5-3', 100)).toBeUndefined();
    expect(parseRange('bytes=5-2', 100)).toBeUndefined();
    expect(parseRange('items=0-1', 100)).toBeUndefined();
  });

  it('serves several ranges as the first one', () => {
    expect(parseRange('bytes=0-9, 20-29', 100)).toEqual({ start: 0, end: 10 });
    expect(parseRange('BYTES=3-4', 100)).toEqual({ start: 3, end: 5 });
  });
});

describe('a text head', () => {
  it('decodes UTF-8, drops a byte-order mark, and drops a character the cut split out of a truncated head', () => {
    expect(textOfHead(Buffer.from('\ufeffcafé\n', 'utf8'), false, 'a.txt')).toBe('café\n');
    expect(textOfHead(Buffer.from('añ', 'utf8').subarray(0, 2), true, 'a.txt')).toBe('a');
  });

  it('drops a UTF-8 byte-order mark from a head read as Windows-1252 too, whole or truncated', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const latin = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xf1]);
    expect(textOfHead(Buffer.concat([bom, latin]), false, 'odd.log')).toBe('café ñ');
    expect(textOfHead(Buffer.concat([bom, latin]), true, 'odd.log')).toBe('café ñ');
  });

  it('reads UTF-16 by its byte-order mark, and other bytes as Windows-1252', () => {
    expect(textOfHead(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('día', 'utf16le')]), false, 'w.txt')).toBe('día');
    expect(textOfHead(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('día', 'utf16le').swap16()]), false, 'w.txt')).toBe('día');
    expect(textOfHead(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xf1]), false, 'latin.log')).toBe('café ñ');
  });

  it('refuses bytes that are not text, with the file named', () => {
    expect(() => textOfHead(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), false, 'x.zip')).toThrow('“x.zip” is not a text file');
    expect(() => textOfHead(Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0])]), false, 'late.bin')).toThrow(/not a text file/);
    expect(textOfHead(Buffer.from('tabs\tand\r\nnewlines\f and \u001b[0m escapes'), false, 'log')).toContain('escapes');
  });
});

describe('what a name previews as', () => {
  it('streams media with a type fixed by the app, never the server', () => {
    expect(planFor('Photo.JPG')).toEqual({ kind: 'image', contentType: 'image/jpeg' });
    expect(planFor('logo.svg')).toEqual({ kind: 'image', contentType: 'image/svg+xml' });
    expect(planFor('clip.webm')).toEqual({ kind: 'video', contentType: 'video/webm' });
    expect(planFor('song.mp3')).toEqual({ kind: 'audio', contentType: 'audio/mpeg' });
    expect(planFor('manual.pdf')).toEqual({ kind: 'pdf', contentType: 'application/pdf' });
  });

  it('reads everything else as text: code with its language, JSON, CSV, TSV, plain', () => {
    expect(planFor('main.py')).toMatchObject({ kind: 'text', format: 'code', language: 'python' });
    expect(planFor('Dockerfile')).toMatchObject({ kind: 'text', format: 'code', language: 'shell' });
    expect(planFor('index.html')).toMatchObject({ kind: 'text', format: 'code', language: 'xml' });
    expect(planFor('a.json')).toMatchObject({ kind: 'text', format: 'json' });
    expect(planFor('a.csv')).toMatchObject({ kind: 'text', format: 'csv' });
    expect(planFor('a.tsv')).toMatchObject({ kind: 'text', format: 'tsv' });
    expect(planFor('README')).toMatchObject({ kind: 'text', format: 'plain' });
  });
});

describe('CSV rows', () => {
  it('keeps quoted separators, doubled quotes and line breaks inside quotes', () => {
    const { rows, more } = parseDelimited('a,b\n"x, y","say ""hi"""\n"two\nlines",3\r\n', ',', false, 10);
    expect(rows).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', '3'],
    ]);
    expect(more).toBe(false);
  });

  it('drops the row a truncated head cut, and says there is more', () => {
    expect(parseDelimited('a\tb\n1\t2\n3\t', '\t', true, 10)).toEqual({ rows: [['a', 'b'], ['1', '2']], more: true });
    expect(parseDelimited('a\n1\n2\n3\n', ',', false, 2)).toEqual({ rows: [['a'], ['1']], more: true });
  });
});

describe('syntax colours', () => {
  const kinds = (text: string, language: string) => tokenize(text, language).filter((t) => t.kind !== 'plain').map((t) => `${t.kind}:${t.text}`);

  it('colours keywords, strings, numbers and comments, and loses no text', () => {
    const source = 'const x = "a // b"; // note\nreturn 42;';
    expect(kinds(source, 'typescript')).toEqual(['keyword:const', 'string:"a // b"', 'comment:// note', 'keyword:return', 'number:42']);
    expect(tokenize(source, 'typescript').map((t) => t.text).join('')).toBe(source);
  });

  it('knows JSON keys from string values, and hash comments in Python', () => {
    expect(kinds('{"a": "b", "n": null}', 'json')).toEqual(['key:"a"', 'string:"b"', 'key:"n"', 'literal:null']);
    expect(kinds('def f():  # why\n    return None', 'python')).toEqual(['keyword:def', 'comment:# why', 'keyword:return', 'literal:None']);
  });

  it('leaves text of a language it does not know plain', () => {
    expect(tokenize('anything at all', 'cobol')).toEqual([{ kind: 'plain', text: 'anything at all' }]);
  });
});

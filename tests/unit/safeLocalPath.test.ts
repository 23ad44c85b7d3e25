import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partPathOf } from '../../electron/core/transfers/partPath.js';
import { safeLocalPath, safeLocalTarget } from '../../electron/core/transfers/safeLocalPath.js';

const root = resolve('/tmp/stowage-downloads');
const inside = (p: string) => p.startsWith(root + '/') || p === root;

describe('safeLocalPath: object keys never escape the download folder', () => {
  it('keeps ordinary keys as a folder tree', () => {
    expect(safeLocalPath(root, 'photos/2026/cat.jpg')).toBe(join(root, 'photos/2026/cat.jpg'));
  });

  it.each([
    ['../x', join(root, 'x')],
    ['../../etc/passwd', join(root, 'etc/passwd')],
    ['/etc/passwd', join(root, 'etc/passwd')],
    ['a/../../b', join(root, 'a/b')],
    ['./a/./b', join(root, 'a/b')],
    ['a//b', join(root, 'a/b')],
  ])('neutralises %j', (key, expected) => {
    expect(safeLocalPath(root, key)).toBe(expected);
  });

  it('turns backslashes, drive letters and control characters into harmless names', () => {
    const out = safeLocalPath(root, 'C:\\Windows\\system32\\evil.dll');
    expect(inside(out)).toBe(true);
    expect(out).toBe(join(root, 'C__Windows_system32_evil.dll'));
    expect(safeLocalPath(root, 'bad\u0000name\n\u001b[31m.txt')).toBe(join(root, 'bad_name__[31m.txt'));
  });

  it('renames Windows device names and trims trailing dots and spaces', () => {
    expect(safeLocalPath(root, 'CON')).toBe(join(root, '_CON'));
    expect(safeLocalPath(root, 'notes.txt. . ')).toBe(join(root, 'notes.txt'));
  });

  it('gives a name to keys made only of dots and slashes', () => {
    expect(safeLocalPath(root, '../..//./')).toBe(join(root, 'download'));
  });

  it('shortens names longer than file systems allow', () => {
    const out = safeLocalPath(root, 'é'.repeat(300));
    expect(Buffer.byteLength(out.slice(root.length + 1))).toBeLessThanOrEqual(255);
  });
});

describe('safeLocalPath: names a person can trust', () => {
  it('keeps a key whose last segment is . or .. as a visible file (fullwidth dots), never the folder itself', () => {
    expect(safeLocalPath(root, 'p/.')).toBe(join(root, 'p', '\uff0e'));
    expect(safeLocalPath(root, 'p/..')).toBe(join(root, 'p', '\uff0e\uff0e'));
  });

  it('neutralises bidi and zero-width controls, so "\\u202Egnp.exe" cannot pose as a .png', () => {
    expect(safeLocalPath(root, 'x/\u202Egnp.exe')).toBe(join(root, 'x', '_gnp.exe'));
    expect(safeLocalPath(root, 'a\u200bb\u2066c\ufeff.txt')).toBe(join(root, 'a_b_c_.txt'));
  });

  it('keeps the extension when it shortens a long name, and says it did', () => {
    const target = safeLocalTarget(root, `${'n'.repeat(300)}.jpeg`);
    expect(basename(target.path).endsWith('.jpeg')).toBe(true);
    expect(Buffer.byteLength(basename(target.path))).toBe(255);
    expect(target.shortened).toBe(true);
    expect(safeLocalTarget(root, 'short.txt').shortened).toBe(false);
  });
});

describe('partPathOf: the temporary name always fits', () => {
  it('is name.part for ordinary names', () => {
    expect(partPathOf(join(root, 'a.bin'))).toBe(join(root, 'a.bin.part'));
  });

  it.each([251, 252, 253, 254, 255])('fits a %i-byte name in 255 bytes and stays unique', (bytes) => {
    const name = `${'é'.repeat(Math.floor((bytes - 4) / 2))}${'x'.repeat((bytes - 4) % 2)}.txt`;
    expect(Buffer.byteLength(name)).toBe(bytes);
    const part = basename(partPathOf(join(root, name)));
    expect(Buffer.byteLength(part)).toBeLessThanOrEqual(255);
    expect(part.endsWith('.part')).toBe(true);
    expect(part).not.toBe(basename(partPathOf(join(root, `y${name.slice(1)}`))));
  });
});

import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeLocalPath } from '../../electron/core/transfers/safeLocalPath.js';

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

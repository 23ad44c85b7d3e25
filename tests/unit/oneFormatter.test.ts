import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { storageClasses } from '../../shared/buckets.js';
import { formatDate, formatStorageClass } from '../../renderer/src/lib/format.js';

const rendererSrc = fileURLToPath(new URL('../../renderer/src', import.meta.url));

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(path)));
    else if (/\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

describe('one formatter for dates and one for storage classes, used everywhere in the renderer', () => {
  it('formats dates only through lib/format.ts', async () => {
    const offenders: string[] = [];
    for (const file of await sources(rendererSrc)) {
      const name = relative(rendererSrc, file);
      if (name === join('lib', 'format.ts')) continue;
      const text = await readFile(file, 'utf8');
      if (/Intl\.DateTimeFormat|toLocaleDateString|toLocaleTimeString|new Date\([^)]*\)\.toLocaleString/.test(text)) offenders.push(name);
    }
    expect(offenders).toEqual([]);
  });

  it('names every storage class the same way wherever a list of them is shown', async () => {
    const offenders: string[] = [];
    for (const file of await sources(rendererSrc)) {
      const text = await readFile(file, 'utf8');
      const listsClasses = /\b(storageClasses|transitionClasses)\.map\(/.test(text);
      if (listsClasses && !text.includes('formatStorageClass(')) offenders.push(relative(rendererSrc, file));
    }
    expect(offenders).toEqual([]);
    expect(storageClasses.map(formatStorageClass)).not.toContain('STANDARD_IA');
    expect(formatStorageClass('STANDARD_IA')).toBe('Standard-IA');
  });

  it('writes a date the same way in the list and the conflict question', () => {
    const when = Date.UTC(2026, 11, 7, 9, 17, 22);
    expect(formatDate(when)).not.toMatch(/:22/); // no seconds: the list's form
    expect(formatDate(when)).toMatch(/2026/);
  });
});

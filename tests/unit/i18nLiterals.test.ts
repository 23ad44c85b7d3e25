import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { literalStrings } from '../support/literalStrings.js';
import { makeTempDir } from '../support/tempDir.js';
import { writeFile } from 'node:fs/promises';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The window: every word it shows comes from the catalogs. */
const inCatalogs = ['renderer/src'];
/** The core and main: every sentence they make is a catalog message (`codedError`), never English made in place (errors.ts defines the class). */
const coreInCatalogs = ['electron/core', 'electron/main'];

describe('user-facing text goes through the catalogs', () => {
  it.each(inCatalogs)('%s has no literal text', (dir) => {
    const found = sources(join(root, dir)).flatMap(literalStrings).map((l) => `${relative(root, l.file)}:${l.line}: ${l.text}`);
    expect(found).toEqual([]);
  });

  it.each(coreInCatalogs)('%s makes every error from a catalog code', (dir) => {
    const inPlace = sources(join(root, dir))
      .filter((file) => relative(root, file) !== 'electron/core/errors.ts')
      .flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/new AppError\(/.test(line) ? [`${relative(root, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(inPlace).toEqual([]);
  });

  it('the check finds JSX text, read attributes and toast sentences, and lets symbols and names pass', async () => {
    const dir = await makeTempDir('literals');
    const file = join(dir.path, 'Sample.tsx');
    await writeFile(
      file,
      [
        "export const A = () => <div title=\"Close the panel\" className=\"x\">Hello there <b>·</b> {count} {'Ready to drag'} {t('dragOut:ready')}</div>;",
        "export const B = () => <span aria-label={`Delete ${name}`}>S3 · AWS</span>;",
        "showError('Could not save the file');",
        "showError(t('errors:disk.full'));",
      ].join('\n'),
    );
    const texts = literalStrings(file).map((l) => l.text);
    await dir.remove();
    expect(texts).toEqual(['Close the panel', 'Hello there', 'Ready to drag', 'Delete', 'Could not save the file']);
  });
});

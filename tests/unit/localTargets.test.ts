import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaimedPaths, numberedName, planLocalTargets } from '../../electron/core/transfers/localTargets.js';

const root = resolve('/tmp/stowage-downloads');
const plan = (rels: string[], claimed = new ClaimedPaths('linux')) => planLocalTargets(root, rels, claimed);

describe('planLocalTargets: one local path per object, never two jobs on one file', () => {
  it('gives keys that clean up to the same name the rename rule the conflict dialog uses', () => {
    const out = plan(['t/a//b', 't/a/./b', 't/a/b']);
    expect(out.map((t) => t.localPath)).toEqual([join(root, 't/a/b'), join(root, 't/a/b (1)'), join(root, 't/a/b (2)')]);
    expect(out[0]!.note).toBeUndefined();
    expect(out[1]!.note?.text).toBe('Another object in this download has the same local name, so this one is saved as b (1).');
  });

  it('keeps a folder for the objects under it when another object has the folder\'s name', () => {
    const out = plan(['d/p', 'd/p/x.txt']);
    expect(out.map((t) => t.localPath)).toEqual([join(root, 'd/p (1)'), join(root, 'd/p/x.txt')]);
  });

  it('treats names as one where the file system does (macOS and Windows ignore case)', () => {
    expect(plan(['A.txt', 'a.txt'], new ClaimedPaths('darwin')).map((t) => t.localPath)).toEqual([join(root, 'A.txt'), join(root, 'a (1).txt')]);
    expect(plan(['A.txt', 'a.txt'], new ClaimedPaths('linux')).map((t) => t.localPath)).toEqual([join(root, 'A.txt'), join(root, 'a.txt')]);
  });

  it('steers clear of paths that queued downloads already write', () => {
    const claimed = new ClaimedPaths('linux');
    claimed.claim(join(root, 'report.pdf'));
    expect(plan(['report.pdf'], claimed)[0]!.localPath).toBe(join(root, 'report (1).pdf'));
    // …and the new plan's paths are claimed in turn, for the next download.
    expect(claimed.has(join(root, 'report (1).pdf'))).toBe(true);
  });

  it('says so when a name was too long and was cut', () => {
    const [t] = plan([`${'x'.repeat(300)}.txt`]);
    expect(t!.note?.text).toMatch(/^The name is too long for a local file \(at most 255 bytes\), so it is saved as x+\.txt\.$/);
  });

  it('numbers a name at the length limit without going over it', () => {
    const long = join(root, `${'é'.repeat(125)}.txt`);
    const numbered = numberedName(long, 12);
    expect(numbered.endsWith(' (12).txt')).toBe(true);
    expect(Buffer.byteLength(numbered.slice(root.length + 1))).toBeLessThanOrEqual(255);
  });
});

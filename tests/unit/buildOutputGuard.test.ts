import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/tempDir.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const buildInto = (out: string) =>
  spawnSync(process.execPath, ['electron/build.mjs'], { cwd: root, env: { ...process.env, STOWAGE_OUT_DIR: out }, encoding: 'utf8' });

describe('the build deletes only its own output folder', () => {
  it('refuses a folder holding files it did not make, and leaves them alone', async () => {
    const dir = await makeTempDir('not-a-build');
    try {
      await writeFile(join(dir.path, 'precious.txt'), 'keep me');
      const result = buildInto(dir.path);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('Refusing to build into');
      expect(existsSync(join(dir.path, 'precious.txt'))).toBe(true);
    } finally {
      await dir.remove();
    }
  });

  it('refuses the project folder itself', () => {
    const result = buildInto('.');
    expect(result.status).toBe(2);
    expect(existsSync(join(root, 'package.json'))).toBe(true);
  });
});

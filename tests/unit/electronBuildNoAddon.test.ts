// The build `npm start` and `npm run dist` run (`--electron`), staged with electron-builder's
// own file matcher: no native addon in it. ssh2's crypto addon needs OpenSSL symbols that
// Electron does not export (electron/sshNativeCrypto.mjs); the core runs SFTP without it.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as loadYaml } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBuiltAddon } from '../../electron/sshNativeCrypto.mjs';
import { makeTempDir, type TempDir } from '../support/tempDir.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(join(root, 'package.json'));

describe('the Electron build, as electron-builder would pack it', () => {
  let project: TempDir;
  let staged: string[];

  /** Every file under the temp project that electron-builder's matcher takes, with the configured `files`. */
  async function stage(): Promise<string[]> {
    const { files } = loadYaml(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as { files: string[] };
    const { FileMatcher } = require('app-builder-lib/out/fileMatcher.js');
    const filter = new FileMatcher(project.path, join(project.path, 'release', 'app'), (s: string) => s, files).createFilter();
    const all = (await readdir(project.path, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    return all
      .map((e) => join(e.parentPath, e.name))
      .filter((abs) => filter(abs, { isDirectory: () => false }))
      .map((abs) => relative(project.path, abs).split(sep).join('/'));
  }

  beforeAll(async () => {
    project = await makeTempDir('electron-build');
    await copyFile(join(root, 'package.json'), join(project.path, 'package.json'));
    const built = spawnSync(process.execPath, ['electron/build.mjs', '--electron'], {
      cwd: root,
      env: { ...process.env, STOWAGE_OUT_DIR: join(project.path, 'dist') },
      encoding: 'utf8',
    });
    expect(built.status, built.stderr).toBe(0);
    staged = await stage();
  }, 180_000);
  afterAll(() => project.remove());

  it('holds the core bundle and no native addon', () => {
    expect(staged).toContain('dist/main/coreProcess.cjs');
    expect(staged).toContain('package.json');
    expect(staged.filter((f) => f.endsWith('.node'))).toEqual([]);
  });

  it('leaves the addon out even where an older build left it beside the core', async () => {
    await mkdir(join(project.path, 'dist/main/native'), { recursive: true });
    await copyFile(nodeBuiltAddon, join(project.path, 'dist/main/native/sshcrypto.node'));
    expect((await stage()).filter((f) => f.endsWith('.node'))).toEqual([]);
  });
});

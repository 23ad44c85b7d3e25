import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Checks } from '../harness.js';
import type { SmokeContext } from '../startApp.js';

/** What the installers would hold, before anything runs. */
export async function stagingChecks(checks: Checks, { staged, pkg }: SmokeContext): Promise<void> {
  await checks.check("the staged app holds package.json, main, the core bundle and its entry, the preload and the renderer", () => {
    for (const rel of ['package.json', pkg.main, 'dist/main/coreProcess.cjs', 'dist/main/coreLoader.cjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html']) {
      assert.ok(staged.files.has(rel), `${rel} is not packed`);
    }
  });

  await checks.check('no source, test, map, build marker or project file is packed', () => {
    const stray = [...staged.files].filter((f) => f !== 'package.json' && !f.startsWith('dist/'));
    assert.deepEqual(stray, []);
    assert.deepEqual([...staged.files].filter((f) => f.endsWith('.map') || f.endsWith('.ts') || f.endsWith('.stowage-build-output')), []);
  });

  await checks.check('native addons are packed outside the asar archive', () => {
    const addons = [...staged.files].filter((f) => f.endsWith('.node'));
    for (const addon of addons) assert.ok(staged.unpacked(addon), `${addon} would sit inside app.asar, where it cannot be loaded`);
    // Every addon a bundle requires beside itself is one of them.
    for (const bundle of [pkg.main, 'dist/main/coreProcess.cjs']) {
      const wanted = [...readFileSync(join(staged.dir, bundle), 'utf8').matchAll(/require\("(\.\/[^"]+\.node)"\)/g)].map((m) => m[1]!);
      for (const rel of wanted) {
        const packed = join(bundle, '..', rel).split('\\').join('/');
        // ssh2 loads its addon inside try/catch: an addon that was not built may be absent, never unpacked-but-missing.
        if (staged.files.has(packed)) assert.ok(staged.unpacked(packed), `${packed} is packed inside the archive`);
      }
    }
  });

  await checks.check("package.json names main's bundle and the Linux desktop entry", () => {
    assert.equal(pkg.main, 'dist/main/main.cjs');
    assert.match(pkg.desktopName ?? '', /^[a-z0-9.-]+\.desktop$/);
  });
}

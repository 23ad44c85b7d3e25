#!/usr/bin/env node
// npm run test:electron: builds the app as `npm start` does and drives it in real Electron
// (tests/electron/app.spec.ts). Where no Electron binary is installed (this project's CI
// machines cannot download one) it says so in one line and exits 0, having run nothing: no
// test runner starts, so no summary counts a test that did not run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const electronDir = join(root, 'node_modules/electron');

/** The binary electron's own index.js would run, found without requiring it (that would try to download it). */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist'), readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : undefined;
}

if (!electronBinary()) {
  console.log('test:electron: no Electron binary installed (npx install-electron fetches it), so nothing ran.');
  process.exit(0);
}
const step = (command, args, env = {}) => spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
if (!step(process.execPath, ['electron/build.mjs', '--electron'])) process.exit(1);
const playwright = join(root, 'node_modules/@playwright/test/cli.js');
const passed = step(process.execPath, [playwright, 'test', '--config', 'tests/electron/playwright.config.ts'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: join(root, 'tests/artifacts/reports/electron.json'),
});
process.exit(passed ? 0 : 1);

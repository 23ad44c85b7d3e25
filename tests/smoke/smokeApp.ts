/**
 * `npm run smoke:app`: the app as an installer holds it, run here without Electron. The
 * files electron-builder would pack are staged (its own matcher), and main's bundle is loaded
 * from there with a stand-in `electron` module (tests/smoke/electron/); the real core bundle
 * runs in a child process given `process.parentPort` as Electron's utility process has it.
 * Prints one line per check and, last, `{"checks":N,"failed":F}`; exits non-zero if any
 * failed. $STOWAGE_OUT_DIR names another build output than dist/; $STOWAGE_SMOKE_REPORT a
 * file to write the last line to as well.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Checks } from './harness.js';
import { dragOutChecks } from './scenarios/dragOut.js';
import { previewChecks } from './scenarios/preview.js';
import { forwardingChecks, ipcChecks } from './scenarios/ipc.js';
import { languageChecks } from './scenarios/language.js';
import { quitChecks, secondLaunchChecks, weakBoxAndGiveUpChecks, windowsIdentityChecks } from './scenarios/lifecycle.js';
import { stagingChecks } from './scenarios/staging.js';
import { beforeReadyChecks, startupChecks } from './scenarios/startup.js';
import { stageApp } from './stageApp.js';
import { becomeReady, contextFor, endCoreProcesses, launch, type SmokeContext } from './startApp.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const buildDir = process.env.STOWAGE_OUT_DIR || join(root, 'dist');
if (!existsSync(join(buildDir, 'main/main.cjs'))) {
  console.error(`No build in ${buildDir}: run \`node electron/build.mjs\` first (npm run smoke:app does).`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'stowage-smoke-'));
// main reads ~/.aws and ~/.ssh through the core: an empty home of its own.
process.env.HOME = join(work, 'home');
mkdirSync(process.env.HOME);
const uncaught: unknown[] = [];
process.on('uncaughtException', (error) => uncaught.push(error));
process.on('unhandledRejection', (error) => uncaught.push(error));

const checks = new Checks();
let ctx: SmokeContext | undefined;
try {
  ctx = contextFor(await stageApp(root, buildDir, join(work, 'app')), work);
  console.log(`staged ${ctx.staged.files.size} files as electron-builder would pack them, in ${ctx.staged.dir}`);
  await stagingChecks(checks, ctx);

  console.log('main, started as on this OS with a keyring:');
  const electron = launch(ctx, 'main');
  await beforeReadyChecks(checks, electron);
  const win = await becomeReady(electron);
  await startupChecks(checks, electron, win, ctx);
  const api = await ipcChecks(checks, electron, win, String((win.options.webPreferences as Record<string, unknown>).preload));
  await forwardingChecks(checks, electron, win, api, uncaught);
  await dragOutChecks(checks, electron, win, api, ctx);
  await previewChecks(checks, electron, api);
  await quitChecks(checks, electron);

  console.log('main on a system that prefers Spanish:');
  await languageChecks(checks, ctx);
  console.log('main without a keyring, with a core that keeps dying:');
  await weakBoxAndGiveUpChecks(checks, ctx);
  console.log('other launches:');
  await secondLaunchChecks(checks, ctx);
  await windowsIdentityChecks(checks, ctx);
  await checks.check('nothing in main threw uncaught during the run', () => assert.deepEqual(uncaught.map(String), []));
} catch (error) {
  await checks.check('the smoke run itself', () => {
    throw error;
  });
} finally {
  if (ctx) endCoreProcesses(ctx);
}

const summary = JSON.stringify({ checks: checks.results.length, failed: checks.failed });
if (process.env.STOWAGE_SMOKE_REPORT) writeFileSync(process.env.STOWAGE_SMOKE_REPORT, `${summary}\n`);
rmSync(work, { recursive: true, force: true });
console.log(summary);
process.exit(checks.failed === 0 ? 0 : 1);

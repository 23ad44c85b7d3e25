#!/usr/bin/env node
// The whole test suite, as `npm test` and CI run it: type checks, unit tests, the build and
// the smoke run of the app as its installers pack it (tests/smoke: main's bundle with a
// stand-in Electron, the real core process; its last line is `{"checks":N,"failed":F}`),
// then the real test servers (Ceph RGW + OpenSSH sshd on loopback, installed if missing),
// integration tests against them, and the e2e suite in Chromium. Servers started here
// are stopped at the end. After the integration tests, the fault suite (tests/faults: killed
// core processes and the like, against the same servers) ends with one JSON line that sums
// its ledger; any corrupt, lost or orphaned file fails the run. Options:
// --only unit|smoke|integration|faults|e2e
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = `${root}/tests/artifacts/reports`;
const faultLedger = `${reports}/faults.jsonl`;
const smokeReport = `${reports}/smoke.json`;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const want = (stage) => !only || only === stage;
const servers = `${root}/tests/servers/servers.sh`;
const testbedDir = process.env.STOWAGE_TESTBED_DIR ?? '/tmp/stowage-testbed';
// The core ships inside Electron 45, whose Node is 24.x: the stages that run code use that
// major, from the registry's `node` package (type checks and the build stay on npm's Node).
const shippedNode = process.env.STOWAGE_TEST_NODE || 'node@24';
const onShippedNode = (script) => ['npm', ['exec', '--yes', `--package=${shippedNode}`, '--', 'node', `${root}/${script}`]];
const vitestBin = onShippedNode('node_modules/vitest/vitest.mjs');
const withArgs = ([command, args], more) => [command, [...args, ...more]];
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const aptInstall = (pkg) =>
  `if [ "$(id -u)" != 0 ]; then echo "Install it with: sudo apt-get install ${pkg}"; exit 1; fi; ` +
  `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg} >/dev/null`;

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function serversRunning() {
  if (!existsSync(`${testbedDir}/env`)) return false;
  return spawnSync('bash', [servers, 'status'], { stdio: 'ignore' }).status === 0;
}

const counts = { passed: 0, failed: 0, skipped: 0 };
function countVitest(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += r.numPassedTests;
  counts.failed += r.numFailedTests;
  counts.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  for (const file of r.testResults ?? []) {
    const results = file.assertionResults ?? [];
    if (file.status !== 'failed' || results.some((a) => a.status === 'failed')) continue;
    // The file failed outside its tests (a beforeAll threw): those tests never ran.
    const notRun = results.filter((a) => a.status !== 'passed').length;
    counts.failed += Math.max(1, notRun);
    counts.skipped -= notRun;
  }
}
/**
 * Sums the fault suite's ledger (one JSON line per case, tests/faults/faultLedger.ts) into
 * one line, and says whether it is clean: cases ran, none corrupt, lost or orphaned.
 */
function faultSummary(file) {
  const sum = { faultCases: 0, corrupt: 0, lost: 0, orphanedUploads: 0 };
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()) : [];
  let unreadable = 0;
  for (const line of lines) {
    let c;
    try {
      c = JSON.parse(line);
    } catch {
      unreadable++;
      continue;
    }
    sum.faultCases++;
    sum.corrupt += Number(c.corrupt) || 0;
    sum.lost += Number(c.lost) || 0;
    sum.orphanedUploads += Number(c.orphanedUploads) || 0;
  }
  if (unreadable) console.error(`${file}: ${unreadable} line(s) are not JSON`);
  console.log(JSON.stringify(sum));
  return unreadable === 0 && sum.faultCases > 0 && sum.corrupt === 0 && sum.lost === 0 && sum.orphanedUploads === 0;
}

/** The smoke run's last line, `{"checks":N,"failed":F}`; no line means it did not finish. */
function countSmoke(file) {
  if (!existsSync(file)) {
    counts.failed++;
    return;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += r.checks - r.failed;
  counts.failed += r.failed;
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += r.stats.expected + (r.stats.flaky ?? 0);
  counts.failed += r.stats.unexpected;
  counts.skipped += r.stats.skipped;
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
let ok = true;
const vitest = (project) => [
  'run', '--config', 'tests/vitest.config.ts', '--project', project,
  '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/${project}.json`,
];

if (!only) ok = run('type checks', 'npm', ['run', '--silent', 'typecheck']) && ok;
if (want('unit')) ok = run('unit tests', ...withArgs(vitestBin, vitest('unit'))) && ok;
// One build serves the smoke run and the e2e tests.
let built = false;
const build = () => (built ||= run('build', 'node', ['electron/build.mjs']));
if (want('smoke')) {
  ok = (build() && run('smoke: the packed app with a stand-in Electron', ...withArgs(onShippedNode('node_modules/tsx/dist/cli.mjs'), ['tests/smoke/smokeApp.ts']), { STOWAGE_SMOKE_REPORT: smokeReport })) && ok;
}

let startedServers = false;
if (want('integration') || want('faults') || want('e2e')) {
  if (!serversRunning()) {
    ok = run('install test servers (if missing)', 'bash', [servers, 'install']) && ok;
    startedServers = run('start test servers', 'bash', [servers, 'start']);
    if (!startedServers) {
      console.error('The test servers did not start: integration and e2e tests cannot run.');
      process.exit(1);
    }
  } else {
    console.log(`\n=== test servers already running (${testbedDir}); leaving them up afterwards`);
  }
}
try {
  if (want('integration')) ok = run('integration tests (real RGW + sshd)', ...withArgs(vitestBin, vitest('integration'))) && ok;
  if (want('faults')) {
    rmSync(faultLedger, { force: true });
    ok = run('fault tests (real RGW + sshd)', ...withArgs(vitestBin, vitest('faults')), { STOWAGE_FAULT_LEDGER: faultLedger }) && ok;
    ok = faultSummary(faultLedger) && ok;
  }
  if (want('e2e')) {
    if (!existsSync(chromium)) ok = run('install Chromium (Debian package)', 'bash', ['-c', aptInstall('chromium')]) && ok;
    ok = build() && ok;
    ok = run('e2e tests (Chromium)', ...withArgs(onShippedNode('node_modules/@playwright/test/cli.js'), ['test', '--config', 'tests/playwright.config.ts']), {
      PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json`,
    }) && ok;
  }
} finally {
  if (startedServers) run('stop test servers', 'bash', [servers, 'stop']);
}

countVitest(`${reports}/unit.json`);
countVitest(`${reports}/integration.json`);
countVitest(`${reports}/faults.json`);
if (want('smoke')) countSmoke(smokeReport);
countPlaywright(`${reports}/e2e.json`);
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(ok && counts.failed === 0 ? 0 : 1);

// .github/workflows/release.yml, read as GitHub reads it: a version tag starts it, macOS,
// Windows and Ubuntu each test and package, Linux also runs the full suite, every npm script
// it calls exists, every action is pinned to a full version, and the release gets all four
// installer kinds.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  container?: unknown;
  strategy?: { matrix: { include?: Record<string, string>[]; os?: string[] } };
  steps: Step[];
}
interface Workflow {
  on: { push?: { tags?: string[]; branches?: string[] } } & Record<string, unknown>;
  jobs: Record<string, Job>;
}

const workflow = loadYaml(readFileSync(join(root, '.github/workflows/release.yml'), 'utf8')) as Workflow;
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const allSteps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = allSteps.flatMap((s) => (s.run ? [s.run] : []));

/** The package.json scripts a command line runs: `npm run x`, `npm test` / `npm start` (npm's aliases for those scripts). */
function npmScriptsIn(command: string): string[] {
  const found: string[] = [];
  for (const m of command.matchAll(/\bnpm\s+(?:run(?:-script)?\s+([\w:.-]+)|(test|start|stop|restart)\b)/g)) found.push(m[1] ?? m[2]!);
  return found;
}

/** The job that tests and packages on each OS: the one with a matrix. */
const appJob = Object.values(workflow.jobs).find((job) => job.strategy?.matrix);

describe('the release workflow', () => {
  it('starts on a version tag only', () => {
    expect(Object.keys(workflow.on)).toEqual(['push']);
    expect(workflow.on.push?.branches).toBeUndefined();
    const tags = workflow.on.push?.tags ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).toMatch(/^v/);
  });

  it('tests and packages on macOS, Windows and Ubuntu runners', () => {
    expect(appJob).toBeDefined();
    const os = (appJob!.strategy!.matrix.include ?? []).map((entry) => entry.os);
    expect(os).toHaveLength(3);
    expect(os.some((o) => /^macos-/.test(o!))).toBe(true);
    expect(os.some((o) => /^windows-/.test(o!))).toBe(true);
    expect(os.some((o) => /^ubuntu-/.test(o!))).toBe(true);
    expect(appJob!['runs-on']).toBe('${{ matrix.os }}');
  });

  it('runs the unit tests, smoke:app and test:electron on each of them before npm run dist', () => {
    const order = appJob!.steps.flatMap((s) => (s.run ? npmScriptsIn(s.run) : []));
    const at = (script: string) => order.indexOf(script);
    for (const script of ['test:unit', 'smoke:app', 'test:electron']) {
      expect(at(script), script).toBeGreaterThanOrEqual(0);
      expect(at(script), `${script} before dist`).toBeLessThan(at('dist'));
    }
    // Electron's own binary is fetched first, or test:electron would skip itself.
    const installAt = appJob!.steps.findIndex((s) => /install-electron/.test(s.run ?? ''));
    const electronAt = appJob!.steps.findIndex((s) => npmScriptsIn(s.run ?? '').includes('test:electron'));
    expect(installAt).toBeGreaterThanOrEqual(0);
    expect(installAt).toBeLessThan(electronAt);
  });

  it('runs the full suite with the test servers on Linux too', () => {
    const suite = Object.values(workflow.jobs).find((job) => job !== appJob && job.steps.some((s) => /\.ci\/run\b|npm test\b/.test(s.run ?? '')));
    expect(suite).toBeDefined();
    expect(suite!['runs-on']).toMatch(/^ubuntu-/);
    const script = suite!.steps.find((s) => /\.ci\/run/.test(s.run ?? ''));
    if (script) {
      expect(existsSync(join(root, '.ci/run'))).toBe(true);
      expect(npmScriptsIn(readFileSync(join(root, '.ci/run'), 'utf8'))).toContain('test');
    }
  });

  it('calls only npm scripts that exist in package.json', () => {
    const called = [...new Set(runs.flatMap(npmScriptsIn))];
    expect(called).toEqual(expect.arrayContaining(['test:unit', 'smoke:app', 'test:electron', 'dist']));
    expect(called.filter((name) => !(name in scripts))).toEqual([]);
  });

  it('pins every action to a full version', () => {
    const uses = allSteps.flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@v\d+\.\d+\.\d+$/);
  });

  it('attaches the dmg, the nsis installer, the AppImage and the deb to the release', () => {
    const uploaded = (appJob!.strategy!.matrix.include ?? []).map((entry) => entry.installers ?? '').join('\n');
    for (const ext of ['dmg', 'exe', 'AppImage', 'deb']) expect(uploaded).toContain(`release/*.${ext}`);
    expect(appJob!.steps.some((s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.path === '${{ matrix.installers }}')).toBe(true);
    const release = Object.values(workflow.jobs).find((job) => job.steps.some((s) => /gh release create/.test(s.run ?? '')));
    expect(release).toBeDefined();
    expect([release!.needs].flat()).toEqual(expect.arrayContaining(Object.keys(workflow.jobs).filter((k) => workflow.jobs[k] !== release)));
  });

  it('finds the scripts a command line calls', () => {
    expect(npmScriptsIn('xvfb-run -a npm run test:electron')).toEqual(['test:electron']);
    expect(npmScriptsIn('npm ci && npm test && npm run-script smoke:app')).toEqual(['test', 'smoke:app']);
    expect(npmScriptsIn('npx --no-install install-electron')).toEqual([]);
  });
});

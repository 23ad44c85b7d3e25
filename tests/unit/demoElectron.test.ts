import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadFailureReason, findElectron, previewInsteadLine } from '../servers/demoElectron.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';

// What electron's install.js printed here when the download could not reach the network.
const failedDownload = `TypeError: fetch failed
    at node:internal/deps/undici/undici:14976:13
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
    at async FetchDownloader.download (file:///work/main/node_modules/@electron/get/dist/FetchDownloader.js:46:30)
    at async downloadArtifact (file:///work/main/node_modules/@electron/get/dist/index.js:154:12)`;

describe('npm run demo: Electron or the browser preview, said in one line', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await makeTempDir('demo-electron');
  });
  afterEach(async () => {
    await dir.remove();
  });

  /** A stand-in `electron` package whose installer behaves as `script` says. */
  function fakeElectron(script: string): string {
    const pkg = join(dir.path, 'electron');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'install.js'), script);
    return pkg;
  }

  it('turns the downloader stack into its error sentence', () => {
    expect(downloadFailureReason(failedDownload)).toBe('fetch failed');
    expect(downloadFailureReason('HTTPError: Response code 404 (Not Found) for https://example.test/electron.zip\n    at x (y.js:1:1)')).toBe(
      'Response code 404 (Not Found) for https://example.test/electron.zip',
    );
    expect(downloadFailureReason('')).toBe('the download failed');
    const line = previewInsteadLine(`downloading it failed: ${downloadFailureReason(failedDownload)}`);
    expect(line).toBe('Electron is not available (downloading it failed: fetch failed): opening the browser preview instead.');
    expect(line).not.toMatch(/\n|\bat\s/);
  });

  it('a failed download gives a reason and prints nothing of its own', () => {
    const script = `console.error(${JSON.stringify(failedDownload)}); process.exit(1);`;
    const pkg = fakeElectron(script);
    const said: string[] = [];
    expect(findElectron({}, pkg, (l) => said.push(l))).toEqual({ reason: 'downloading it failed: fetch failed' });
    expect(said).toEqual(['Downloading Electron (first start only)…']);
    // The same lookup in a child process: its whole output is the announcement, no stack.
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '-e', `import('${join(process.cwd(), 'tests/servers/demoElectron.ts')}').then((m) => { const r = m.findElectron({}, ${JSON.stringify(pkg)}); console.log(m.previewInsteadLine(r.reason)); })`],
      { encoding: 'utf8' },
    );
    expect(child.stderr).not.toMatch(/fetch failed|\bat\s/);
    expect(child.stdout.trim()).toBe('Electron is not available (downloading it failed: fetch failed): opening the browser preview instead.');
  });

  it('uses an installed binary, or one the installer just downloaded', () => {
    const pkg = fakeElectron(
      `const fs = require('fs'); fs.mkdirSync(__dirname + '/dist', { recursive: true }); fs.writeFileSync(__dirname + '/dist/electron', ''); fs.writeFileSync(__dirname + '/path.txt', 'electron');`,
    );
    expect(findElectron({}, pkg)).toEqual({ path: join(pkg, 'dist', 'electron') });
    writeFileSync(join(pkg, 'install.js'), 'process.exit(1)'); // not run again: the binary is there now
    expect(findElectron({}, pkg)).toEqual({ path: join(pkg, 'dist', 'electron') });
  });

  it('skips the download when asked to, and says why', () => {
    expect(findElectron({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, fakeElectron('process.exit(0)'))).toEqual({ reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' });
    expect(findElectron({}, null)).toEqual({ reason: 'the electron package is not installed' });
  });
});

// The core process's entry (coreLoader.ts), as main starts it: the core runs, V8's code
// cache of its bundle lands in the folder main names, the next start runs from it, and a
// damaged cache costs nothing but a compile.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBundleOptions } from '../../electron/nodeBundle.mjs';
import { codeCacheDirVariable } from '../../electron/core/process/coreProtocol.js';
import { startRemoteCore } from '../../electron/main/remoteCore.js';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { coreClient } from '../support/coreClient.js';
import { forkCoreProcess } from '../support/forkCoreProcess.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';

/** After the loader's own wait (2 s) for the core to settle in, and then some. */
const cacheWritten = 3_500;

describe('the core process runs from V8’s code cache of its bundle', () => {
  let work: TempDir;
  let loader: string;
  let cacheDir: string;

  beforeAll(async () => {
    work = await makeTempDir('code-cache');
    loader = join(work.path, 'coreLoader.cjs');
    cacheDir = join(work.path, 'Core Code Cache');
    await build({
      ...nodeBundleOptions,
      entryPoints: { coreProcess: 'electron/core/process/coreProcess.ts', coreLoader: 'electron/core/process/coreLoader.ts' },
      outdir: work.path,
      outExtension: { '.js': '.cjs' },
      target: 'node20',
      logLevel: 'warning',
    });
  });
  afterAll(() => work.remove());

  /** One start of the core through its entry: it answers a request, runs `forMs`, and stops. */
  async function runOnce(forMs: number, cache: string | undefined = cacheDir): Promise<void> {
    const env = { ...process.env, HOME: work.path, ...(cache ? { [codeCacheDirVariable]: cache } : {}) };
    const core = await startRemoteCore(() => forkCoreProcess(loader, env), {
      setup: { dataDir: join(work.path, 'data'), homeDir: work.path, appVersion: '0.0.0-test', platform: process.platform },
      secretBox: createHeadlessSecretBox(),
      dialogs: { chooseFolder: async () => null },
    });
    try {
      expect(await coreClient(core)('connections:list', {})).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, forMs));
    } finally {
      await core.shutdown();
    }
  }
  const cacheFiles = async () => (await readdir(cacheDir).catch(() => [])).filter((name) => !name.endsWith('.partial'));

  it('writes the cache once the core has run a while, and the next start takes it as it is', async () => {
    await runOnce(cacheWritten);
    const [file, ...others] = await cacheFiles();
    expect(others).toEqual([]);
    expect(file).toMatch(/^core-[0-9a-f]{16}\.bin$/);
    const written = await stat(join(cacheDir, file!));
    expect(written.size).toBeGreaterThan(100_000);
    await runOnce(cacheWritten);
    // Taken: not written again.
    expect((await stat(join(cacheDir, file!))).mtimeMs).toBe(written.mtimeMs);
  }, 60_000);

  it('starts from a damaged cache as from none, and writes a good one in its place', async () => {
    const [file] = await cacheFiles();
    const path = join(cacheDir, file!);
    await writeFile(path, Buffer.alloc(4096, 7));
    await runOnce(cacheWritten);
    const rewritten = await readFile(path);
    expect(rewritten.length).toBeGreaterThan(100_000);
    expect(rewritten.equals(Buffer.alloc(rewritten.length, 7))).toBe(false);
  }, 60_000);

  it('keeps only the cache of the bundle it runs, and runs without any folder named', async () => {
    await writeFile(join(cacheDir, 'core-0123456789abcdef.bin'), 'an older version’s');
    const [current] = (await cacheFiles()).filter((name) => name !== 'core-0123456789abcdef.bin');
    await writeFile(join(cacheDir, current!), 'damaged');
    await runOnce(cacheWritten);
    expect(await cacheFiles()).toEqual([current]);
    const before = (await stat(join(cacheDir, current!))).mtimeMs;
    await runOnce(cacheWritten, undefined);
    expect((await stat(join(cacheDir, current!))).mtimeMs).toBe(before);
  }, 60_000);
});

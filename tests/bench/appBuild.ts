// The core process exactly as the app builds it, and a benchmark driver bundled as main is:
// what every Stowage run of the benchmarks starts.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { nodeBundleOptions } from '../../electron/nodeBundle.mjs';

const run = promisify(execFile);

/** electron/build.mjs into `dir`; answers the core process's entry as main starts it (coreLoader.cjs, beside coreProcess.cjs), with no addon beside them. */
export async function buildAppCore(dir: string): Promise<string> {
  await run(process.execPath, ['electron/build.mjs'], { env: { ...process.env, STOWAGE_OUT_DIR: dir } });
  const beside = (await readdir(join(dir, 'main'))).filter((f) => f.endsWith('.node'));
  if (beside.length) throw new Error(`the app's build put native addons beside the core (${beside.join(', ')}): the benchmark measures the core without them`);
  return join(dir, 'main', 'coreLoader.cjs');
}

/** A driver that plays main: bundled as main is (electron/build.mjs), with no TypeScript loader. */
export async function bundleDriver(entry: string, outfile: string): Promise<void> {
  await build({ ...nodeBundleOptions, entryPoints: [entry], outfile, target: 'node22', logLevel: 'warning' });
}

// Builds the app into dist/ (or $STOWAGE_OUT_DIR): main and preload with esbuild
// (CommonJS, as Electron's sandboxed preload requires), the renderer with Vite.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundleOptions } from './nodeBundle.mjs';
import { buildElectronAddon, copyNodeAddon } from './sshNativeCrypto.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(root, process.env.STOWAGE_OUT_DIR || 'dist');
// `--electron` (npm start, npm run dist): native addons for Electron's runtime, not this Node's.
const forElectron = process.argv.includes('--electron');
const common = { bundle: true, sourcemap: true, logLevel: 'warning', absWorkingDir: root };

// The old output is deleted first, so only a folder this build made may be deleted: one
// that is missing, empty, or carries the build's marker file.
const marker = join(out, '.stowage-build-output');
const entries = existsSync(out) ? readdirSync(out) : [];
if (entries.length > 0 && !existsSync(marker)) {
  console.error(`Refusing to build into ${out}: it holds files this build did not make (if it is an older build, delete it yourself).`);
  process.exit(2);
}
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await writeFile(marker, 'Made by electron/build.mjs; deleted and rebuilt on every build.\n');
await Promise.all([
  esbuild({
    ...common,
    ...nodeBundleOptions,
    // Main, and the core process it starts (electron/core/process/coreProcess.ts).
    entryPoints: { main: 'electron/main/main.ts', coreProcess: 'electron/core/process/coreProcess.ts' },
    outdir: `${out}/main`,
    outExtension: { '.js': '.cjs' },
    target: 'node22',
    external: ['electron', ...nodeBundleOptions.external],
  }),
  esbuild({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: `${out}/preload/preload.cjs`,
    // It carries the contract (and so zod): keep what every window parses at start small.
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
  }),
  viteBuild({ configFile: `${root}/renderer/vite.config.ts`, logLevel: 'warn', build: { outDir: `${out}/renderer` } }),
]);
const addonProblem = forElectron
  ? await buildElectronAddon(`${out}/main`)
  : (await copyNodeAddon(`${out}/main`)) ? undefined : 'ssh2 did not build it (see npm ci)';
if (addonProblem) console.warn(`SFTP will use ssh2's slower JavaScript ciphers: no native crypto addon (${addonProblem}).`);
console.log(`built ${out}/main, preload, renderer`);

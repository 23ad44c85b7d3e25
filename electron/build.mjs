// Builds the app into dist/ (or $STOWAGE_OUT_DIR): main and preload with esbuild
// (CommonJS, as Electron's sandboxed preload requires), the renderer with Vite.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundleOptions } from './nodeBundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(root, process.env.STOWAGE_OUT_DIR || 'dist');
// `--electron` (npm start, npm run dist): the build the app runs from.
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
    // Main, and the core process it starts (electron/core/process/coreProcess.ts) through
    // its entry (coreLoader.ts), which runs it from V8's code cache.
    entryPoints: { main: 'electron/main/main.ts', coreProcess: 'electron/core/process/coreProcess.ts', coreLoader: 'electron/core/process/coreLoader.ts' },
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
// What main hands to Electron lives beside main's bundle (electron/main/appFiles.ts):
// electron-builder packs dist/ only, never resources/.
await copyFile(join(root, 'resources/icons/256x256.png'), `${out}/main/icon.png`);
// No build copies ssh2's native crypto addon beside the core: Electron cannot load it
// (electron/sshNativeCrypto.mjs), and the Node builds run what the app ships.
console.log(`built ${out}/main, preload, renderer`);

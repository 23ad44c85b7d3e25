// Builds the app into dist/ (or $STOWAGE_OUT_DIR): main and preload with esbuild
// (CommonJS, as Electron's sandboxed preload requires), the renderer with Vite.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(root, process.env.STOWAGE_OUT_DIR ?? 'dist');
const common = { bundle: true, sourcemap: true, logLevel: 'warning', absWorkingDir: root };

await rm(out, { recursive: true, force: true });
await Promise.all([
  esbuild({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: `${out}/main/main.cjs`,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    // ssh2 loads optional native crypto addons inside try/catch; they stay out of the bundle.
    external: ['electron', 'cpu-features', '*.node'],
  }),
  esbuild({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: `${out}/preload/preload.cjs`,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
  }),
  viteBuild({ configFile: `${root}/renderer/vite.config.ts`, logLevel: 'warn', build: { outDir: `${out}/renderer` } }),
]);
console.log(`built ${out}/main, preload, renderer`);

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The renderer is loaded from the app's own protocol (and by the e2e bridge) under a
// strict CSP: no inline scripts or styles, so everything is emitted as files.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Electron 45 ships Chromium 140+: no need to down-level modern JS or CSS.
    target: 'chrome128',
    cssTarget: 'chrome128',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    // `../shared` is imported by the renderer.
    fs: { allow: ['..'] },
  },
});

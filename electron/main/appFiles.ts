import { join } from 'node:path';

/**
 * Every file main hands to Electron, found beside main's bundle in dist/main/. The build
 * puts them in dist/ and electron-builder packs dist/ (electron-builder.yml `files`), so
 * each one is there in `npm start` and in every installer alike; nothing is read from the
 * project's source folders, which are not packed.
 */
export const appFiles = {
  /** The window and drag-out icon (the build copies resources/icons/256x256.png). */
  icon: join(__dirname, 'icon.png'),
  /** The core process's entry, run in a utility process: it runs the core (coreProcess.cjs, beside it) from V8's code cache. */
  coreLoader: join(__dirname, 'coreLoader.cjs'),
  preload: join(__dirname, '../preload/preload.cjs'),
  /** Served by the app:// protocol. */
  rendererDir: join(__dirname, '../renderer'),
};

// esbuild options for the code that runs in Node (main and the core process), shared by
// the app's build and the transfer benchmark, so what is measured is what ships.
import { sshNativeCryptoPlugin } from './sshNativeCrypto.mjs';

export const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // ssh2 loads optional native addons inside try/catch: cpu-features stays out, and its
  // crypto addon is looked for beside the bundle, where only a test or the benchmark puts
  // it (the app ships without it: electron/sshNativeCrypto.mjs).
  external: ['cpu-features', '*.node'],
  plugins: [sshNativeCryptoPlugin],
  // esbuild copies comments verbatim, and one non-ASCII character in one (zod has a few)
  // makes V8 hold the whole 4 MB source at two bytes a character: without the comments the
  // core process holds 5 MiB less. Names stay, so stack traces keep them; the source map
  // has the lines.
  minifyWhitespace: true,
  // Licence notices (`/*! ... */`, some with names in non-ASCII letters) go to a file of
  // their own beside the bundle (`<name>.LEGAL.txt`), which ships with it.
  legalComments: 'external',
};

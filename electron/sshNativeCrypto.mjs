// ssh2's optional native crypto addon: AES-GCM and ChaCha20-Poly1305 in C++, one cipher
// context per connection instead of a new one per packet. It takes about a fifth of the
// core process's CPU off an SFTP transfer. ssh2 builds it in its install script (allowed
// in package.json's allowScripts) and falls back to JavaScript ciphers when it is missing
// or will not load (built for another runtime), so every step here may fail softly.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cryptoSource = join(root, 'node_modules/ssh2/lib/protocol/crypto');
/** Where ssh2's install script leaves the addon, built for the Node that ran `npm ci`. */
export const nodeBuiltAddon = join(cryptoSource, 'build/Release/sshcrypto.node');
/** Where a bundle looks for it: beside itself, since the bundle no longer sits in ssh2's folder. */
const besideBundle = 'native/sshcrypto.node';

/** Points ssh2's `require('./crypto/build/Release/sshcrypto.node')` at `native/` beside the bundle. */
export const sshNativeCryptoPlugin = {
  name: 'ssh2-native-crypto',
  setup(build) {
    build.onResolve({ filter: /sshcrypto\.node$/ }, () => ({ path: `./${besideBundle}`, external: true }));
  },
};

/** Copies the Node build beside a bundle in `bundleDir`; false when ssh2 could not build it. */
export async function copyNodeAddon(bundleDir) {
  if (!existsSync(nodeBuiltAddon)) return false;
  await mkdir(join(bundleDir, 'native'), { recursive: true });
  await copyFile(nodeBuiltAddon, join(bundleDir, besideBundle));
  return true;
}

/**
 * Builds the addon against Electron's headers (downloaded by node-gyp) into `bundleDir`,
 * for the app's utility process. Without it the app still works, with slower SFTP.
 */
export async function buildElectronAddon(bundleDir) {
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const nodeGyp = process.env.npm_config_node_gyp;
  const work = join(root, 'node_modules/.cache/stowage-sshcrypto-electron');
  await rm(join(bundleDir, 'native'), { recursive: true, force: true });
  if (!nodeGyp) return `run it through npm (npm run build -- --electron), which provides node-gyp`;
  // A copy, so the Node build in node_modules (tests, benchmark) stays as it is.
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await cp(join(cryptoSource, 'binding.gyp'), join(work, 'binding.gyp'));
  await cp(join(cryptoSource, 'src'), join(work, 'src'), { recursive: true });
  // npm's nodedir setting (Node's own headers) would win over --target.
  const env = { ...process.env };
  delete env.npm_config_nodedir;
  const args = [nodeGyp, 'rebuild', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'];
  const gyp = spawnSync(process.execPath, args, { cwd: work, env, stdio: 'inherit' });
  if (gyp.status !== 0) return `node-gyp failed for Electron ${electronVersion}`;
  await mkdir(join(bundleDir, 'native'), { recursive: true });
  await copyFile(join(work, 'build/Release/sshcrypto.node'), join(bundleDir, besideBundle));
  return undefined;
}

// ssh2's optional native crypto addon (AES-GCM and ChaCha20-Poly1305 in C++). ssh2 builds it
// in its install script for the Node that runs `npm ci`, and falls back to JavaScript ciphers
// when `require` of it throws.
//
// The app ships without it. The addon calls OpenSSL (EVP_*) through symbols its host process
// must export: Node exports them, Electron does not (its BoringSSL is linked in and hidden,
// and its Node headers carry no OpenSSL). On macOS and Windows node-gyp cannot even build it
// for Electron; on Linux it builds, loads lazily, and aborts the process at its first cipher
// call. So no build copies it: the bundle looks for it beside itself (the plugin below) and
// finds it only where a test or the benchmark puts it to compare with and without.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Where ssh2's install script leaves the addon, built for the Node that ran `npm ci`. */
export const nodeBuiltAddon = join(root, 'node_modules/ssh2/lib/protocol/crypto/build/Release/sshcrypto.node');
/** Where a bundle looks for it: beside itself, since the bundle no longer sits in ssh2's folder. */
const besideBundle = 'native/sshcrypto.node';

/** Points ssh2's `require('./crypto/build/Release/sshcrypto.node')` at `native/` beside the bundle. */
export const sshNativeCryptoPlugin = {
  name: 'ssh2-native-crypto',
  setup(build) {
    build.onResolve({ filter: /sshcrypto\.node$/ }, () => ({ path: `./${besideBundle}`, external: true }));
  },
};

/** Copies the Node build beside a bundle in `bundleDir` (tests and benchmark only); false when ssh2 could not build it. */
export async function copyNodeAddon(bundleDir) {
  if (!existsSync(nodeBuiltAddon)) return false;
  await mkdir(join(bundleDir, 'native'), { recursive: true });
  await copyFile(nodeBuiltAddon, join(bundleDir, besideBundle));
  return true;
}

const openSsl = /^(EVP_|ERR_|CRYPTO_|OSSL_|OPENSSL_)/;
const dynamicSymbols = (binary, which) => {
  const nm = spawnSync('nm', ['-D', which, binary], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (nm.status !== 0) return undefined;
  return nm.stdout.split('\n').map((line) => line.trim().split(/\s+/).pop()).filter(Boolean);
};

/**
 * The OpenSSL symbols `addon` needs that `host` (the executable that would load it) does not
 * export: [] means the addon can load there. undefined where `nm` cannot tell (not ELF, no
 * binutils), which proves nothing.
 */
export function unresolvedOpenSslSymbols(addon, host) {
  const needed = dynamicSymbols(addon, '--undefined-only')?.filter((s) => openSsl.test(s));
  const exported = dynamicSymbols(host, '--defined-only');
  if (!needed || !exported) return undefined;
  const have = new Set(exported.map((s) => s.replace(/@.*$/, '')));
  return needed.map((s) => s.replace(/@.*$/, '')).filter((s) => !have.has(s));
}

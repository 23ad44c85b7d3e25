// ssh2's native crypto addon in a bundle, as the app and the benchmark bundle the core: the
// build copies it beside the bundle, ssh2 finds it there and moves real bytes with it, and a
// bundle without it still works on ssh2's JavaScript ciphers.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBundleOptions } from '../../electron/nodeBundle.mjs';
import { copyNodeAddon, nodeBuiltAddon } from '../../electron/sshNativeCrypto.mjs';
import { makeTempDir, type TempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const root = fileURLToPath(new URL('../..', import.meta.url));

// Writes 3 MiB over SFTP, reads them back, and reports the cipher and whether the addon loaded.
const probe = `
const { randomBytes } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { bindingAvailable } = require('ssh2/lib/protocol/crypto.js');
const { Client } = require('ssh2');
const [host, port, username, keyPath, remotePath] = process.argv.slice(2);
const sent = randomBytes(3 * 1024 * 1024);
const client = new Client();
let cipher;
client.on('handshake', (negotiated) => { cipher = negotiated.cs.cipher; });
client.on('error', (error) => { console.error(error.message); process.exit(1); });
client.on('ready', () => client.sftp((error, sftp) => {
  if (error) throw error;
  sftp.writeFile(remotePath, sent, (error) => {
    if (error) throw error;
    sftp.readFile(remotePath, (error, received) => {
      if (error) throw error;
      sftp.unlink(remotePath, () => {
        console.log(JSON.stringify({ bindingAvailable, cipher, sameBytes: received.equals(sent) }));
        client.end();
      });
    });
  });
}));
client.connect({ host, port: Number(port), username, privateKey: readFileSync(keyPath), hostVerifier: () => true });
`;

describe("ssh2's native crypto addon in the bundled core", () => {
  let work: TempDir;

  beforeAll(async () => {
    work = await makeTempDir('sshcrypto');
  });
  afterAll(() => work.remove());

  async function bundleAndRun(dir: string, remoteName: string) {
    const outfile = join(dir, 'probe.cjs');
    await build({ ...nodeBundleOptions, stdin: { contents: probe, resolveDir: root, loader: 'js' }, outfile, logLevel: 'warning' });
    const { host, port, username, keys, home } = env.sftp;
    const { stdout } = await promisify(execFile)(process.execPath, [outfile, host, String(port), username, keys.ed25519, `${home}/${remoteName}`]);
    return JSON.parse(stdout) as { bindingAvailable: boolean; cipher: string; sameBytes: boolean };
  }

  it('is built by npm ci (ssh2 is allowed to run its install script)', () => {
    expect(existsSync(nodeBuiltAddon)).toBe(true);
  });

  it('is found beside the bundle and carries the SFTP session', async () => {
    const dir = join(work.path, 'with-addon');
    expect(await copyNodeAddon(dir)).toBe(true);
    expect(existsSync(join(dir, 'native/sshcrypto.node'))).toBe(true);
    const result = await bundleAndRun(dir, 'native-crypto.bin');
    expect(result).toEqual({ bindingAvailable: true, cipher: 'aes128-gcm@openssh.com', sameBytes: true });
  });

  it('is optional: without it the bundle falls back to JavaScript ciphers', async () => {
    const result = await bundleAndRun(join(work.path, 'without-addon'), 'js-crypto.bin');
    expect(result).toEqual({ bindingAvailable: false, cipher: 'aes128-gcm@openssh.com', sameBytes: true });
  });
});

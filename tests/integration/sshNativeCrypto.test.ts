// SFTP in the bundled core process as the app ships it: no ssh2 native crypto addon beside the
// bundle (Electron cannot load it; electron/sshNativeCrypto.mjs), so ssh2's JavaScript ciphers
// carry every byte. The same bundle with the addon beside it (the benchmark's comparison)
// loads it, which shows the probe below can tell the two apart.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forkCoreProcess } from '../support/forkCoreProcess.js';
import { startRemoteCore } from '../../electron/main/remoteCore.js';
import { nodeBundleOptions } from '../../electron/nodeBundle.mjs';
import { copyNodeAddon, nodeBuiltAddon, unresolvedOpenSslSymbols } from '../../electron/sshNativeCrypto.mjs';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { coreClient } from '../support/coreClient.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const sftp = readTestbedEnv().sftp;
const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');
/** Whether this Node can load the addon npm ci built (not when the tests run on another Node major than npm ci did). */
const addonLoadsHere = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(nodeBuiltAddon)})`]).status === 0;

/**
 * Preloaded into the core process: reports whether ssh2's addon was loaded ('loaded'), tried
 * and refused ('refused', e.g. built for another runtime), or never found (no report). A
 * refused addon stays mapped in memory, so /proc/PID/maps cannot tell.
 */
const dlopenProbe = `
const { writeFileSync } = require('node:fs');
const dlopen = process.dlopen;
process.dlopen = function (module, filename, ...rest) {
  if (!String(filename).endsWith('sshcrypto.node')) return dlopen.call(this, module, filename, ...rest);
  try {
    const result = dlopen.call(this, module, filename, ...rest);
    writeFileSync(process.env.STOWAGE_ADDON_PROBE, 'loaded');
    return result;
  } catch (error) {
    writeFileSync(process.env.STOWAGE_ADDON_PROBE, 'refused');
    throw error;
  }
};
`;

describe("SFTP in the bundled core, with and without ssh2's native crypto addon", () => {
  let work: TempDir;
  let local: string;

  beforeAll(async () => {
    work = await makeTempDir('sshcrypto');
    local = join(work.path, 'payload.bin');
    await writeFile(local, randomBytes(3 * 1024 * 1024 + 11));
  });
  afterAll(() => work.remove());

  /** Bundles the core as the app's build does into `dir`, uploads and downloads through it, and says what became of the addon. */
  async function roundTrip(dir: string) {
    const coreModule = join(dir, 'coreProcess.cjs');
    await build({ ...nodeBundleOptions, entryPoints: ['electron/core/process/coreProcess.ts'], target: 'node22', outfile: coreModule, logLevel: 'warning' });
    const probe = join(work.path, 'dlopen-probe.cjs');
    const report = join(dir, 'addon-report');
    await writeFile(probe, dlopenProbe);
    const core = await startRemoteCore(
      () => forkCoreProcess(coreModule, { ...process.env, HOME: dir, NODE_OPTIONS: `--require ${probe}`, STOWAGE_ADDON_PROBE: report }),
      { setup: { dataDir: join(dir, 'data'), homeDir: dir, appVersion: '0.0.0-test', platform: process.platform }, secretBox: createHeadlessSecretBox(), dialogs: { chooseFolder: async () => null } },
    );
    try {
      const call = coreClient(core);
      const saved = await call('connections:save', {
        draft: { protocol: 'sftp', name: 'sshd', host: sftp.host, port: sftp.port, username: sftp.username, rememberSecret: false, auth: { kind: 'key', keyPath: sftp.keys.ed25519 } },
      });
      let outcome = await call('connections:connect', { id: saved.id });
      if (outcome.state === 'hostKeyPrompt') outcome = await call('connections:answerHostKey', { promptId: outcome.prompt.promptId, decision: 'trustOnce' });
      expect(outcome.state).toBe('connected');
      const folder = (await call('fs:mkdir', { connectionId: saved.id, parentPath: sftp.home, name: `sshcrypto-${process.pid}-${Date.now().toString(36)}` })).path;
      const settle = async (id: string) => {
        for (let i = 0; i < 1200; i++) {
          const t = (await call('transfers:list', {})).find((x) => x.id === id);
          if (t && (t.state === 'completed' || t.state === 'failed')) return t;
          await new Promise((r) => setTimeout(r, 25));
        }
        throw new Error('transfer did not finish');
      };
      try {
        const [up] = await call('transfers:upload', { connectionId: saved.id, localPaths: [local], remoteFolder: folder });
        expect((await settle(up!.id)).state).toBe('completed');
        const into = join(dir, 'down');
        await mkdir(into);
        const [down] = await call('transfers:download', { connectionId: saved.id, remotePaths: [`${folder}/payload.bin`], localFolder: into });
        expect((await settle(down!.id)).state).toBe('completed');
        const addon = existsSync(report) ? await readFile(report, 'utf8') : 'absent';
        return { sameBytes: (await sha256(join(into, 'payload.bin'))) === (await sha256(local)), addon };
      } finally {
        await call('fs:delete', { connectionId: saved.id, paths: [folder], operationId: randomUUID() }).catch(() => undefined);
      }
    } finally {
      await core.shutdown();
    }
  }

  it('as the app ships it (nothing beside the bundle): moves the bytes intact on JavaScript ciphers', async () => {
    const dir = join(work.path, 'as-shipped');
    expect(await roundTrip(dir)).toEqual({ sameBytes: true, addon: 'absent' });
    expect(existsSync(join(dir, 'native'))).toBe(false);
  });

  it("with the Node build copied beside it (the benchmark's comparison only): loads it, or falls back where it was built for another Node", async () => {
    const dir = join(work.path, 'with-addon');
    expect(await copyNodeAddon(dir)).toBe(true);
    expect(await roundTrip(dir)).toEqual({ sameBytes: true, addon: addonLoadsHere ? 'loaded' : 'refused' });
  });

  it("needs OpenSSL's symbols from its host: Node exports every one, a host without OpenSSL none", () => {
    expect(existsSync(nodeBuiltAddon)).toBe(true);
    expect(unresolvedOpenSslSymbols(nodeBuiltAddon, process.execPath)).toEqual([]);
    const fromPlainBinary = unresolvedOpenSslSymbols(nodeBuiltAddon, '/bin/sh');
    expect(fromPlainBinary).toEqual(expect.arrayContaining(['EVP_EncryptInit_ex', 'EVP_aes_128_gcm']));
  });
});

// What the core process loads at start: the SDK clients and ssh2 that only some connections
// need are loaded on first use, so an S3 user's core process does not carry them (ssh2 alone
// reserves a 16 MiB WebAssembly memory). The bundle keeps those packages external here, and a
// preloaded hook records when Node loads them (by name from require, by file from import()).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { nodeBundleOptions } from '../../electron/nodeBundle.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forkCoreProcess } from '../support/forkCoreProcess.js';
import { startRemoteCore, type RemoteCore } from '../../electron/main/remoteCore.js';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { coreClient } from '../support/coreClient.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { s3Draft } from './transferSupport.js';

const env = readTestbedEnv();
const onFirstUse = ['ssh2', '@aws-sdk/client-sts', '@aws-sdk/client-s3-control', '@aws-sdk/credential-providers'];
// The bundle lives under node_modules/.cache so that its external packages resolve.
const cacheDir = fileURLToPath(new URL('../../node_modules/.cache', import.meta.url));

const loadHook = `
const Module = require('node:module');
const { appendFileSync } = require('node:fs');
const watched = ${JSON.stringify(onFirstUse)};
const load = Module._load;
Module._load = function (request, ...rest) {
  const hit = watched.find((name) => request === name || request.includes('/node_modules/' + name + '/'));
  if (hit) appendFileSync(process.env.STOWAGE_LOADS_FILE, hit + '\\n');
  return load.call(this, request, ...rest);
};
`;

describe('the core process loads what only some connections need on first use', () => {
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let bundleDir: string;
  let loadsFile: string;
  let core: RemoteCore;
  const loaded = async () => [...new Set((await readFile(loadsFile, 'utf8')).split('\n').filter(Boolean))].sort();

  beforeAll(async () => {
    work = await makeTempDir('core-startup');
    await mkdir(cacheDir, { recursive: true });
    bundleDir = await mkdtemp(join(cacheDir, 'stowage-core-startup-'));
    const coreModule = join(bundleDir, 'coreProcess.cjs');
    const hook = join(work.path, 'loadHook.cjs');
    loadsFile = join(work.path, 'loads.txt');
    await writeFile(hook, loadHook);
    await writeFile(loadsFile, '');
    await build({
      ...nodeBundleOptions,
      entryPoints: ['electron/core/process/coreProcess.ts'],
      target: 'node20',
      outfile: coreModule,
      external: [...nodeBundleOptions.external, ...onFirstUse],
      logLevel: 'warning',
    });
    await mkdir(join(work.path, '.aws'));
    await writeFile(join(work.path, '.aws', 'credentials'), `[rgw]\naws_access_key_id = ${env.s3.accessKeyId}\naws_secret_access_key = ${env.s3.secretAccessKey}\n`);
    const childEnv = { ...process.env, HOME: work.path, NODE_OPTIONS: `--require ${hook}`, STOWAGE_LOADS_FILE: loadsFile };
    core = await startRemoteCore(() => forkCoreProcess(coreModule, childEnv), {
      setup: { dataDir: join(work.path, 'data'), homeDir: work.path, appVersion: '0.0.0-test', platform: process.platform },
      secretBox: createHeadlessSecretBox(),
      dialogs: { chooseFolder: async () => null },
    });
  });
  afterAll(async () => {
    await core?.shutdown();
    await work?.remove();
    if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
  });

  it('starts and browses S3 with access keys without loading any of them', async () => {
    const call = coreClient(core);
    const saved = await call('connections:save', { draft: s3Draft(env) });
    expect((await call('connections:connect', { id: saved.id })).state).toBe('connected');
    await call('fs:list', { connectionId: saved.id, path: '/' });
    expect(await loaded()).toEqual([]);
  });

  it('loads the profile credential providers when an AWS profile connects', async () => {
    const call = coreClient(core);
    const saved = await call('connections:save', { draft: { ...s3Draft(env), name: 'RGW by profile', auth: { kind: 'profile', profile: 'rgw' } } });
    expect((await call('connections:connect', { id: saved.id })).state).toBe('connected');
    expect(await loaded()).toEqual(['@aws-sdk/credential-providers']);
  });

  it('loads ssh2 when an SFTP connection opens', async () => {
    const call = coreClient(core);
    const sftp = env.sftp;
    const saved = await call('connections:save', {
      draft: { protocol: 'sftp', name: 'sshd', host: sftp.host, port: sftp.port, username: sftp.username, rememberSecret: false, auth: { kind: 'key', keyPath: sftp.keys.ed25519 } },
    });
    let outcome = await call('connections:connect', { id: saved.id });
    if (outcome.state === 'hostKeyPrompt') outcome = await call('connections:answerHostKey', { promptId: outcome.prompt.promptId, decision: 'trustOnce' });
    expect(outcome.state).toBe('connected');
    expect(await loaded()).toEqual(['@aws-sdk/credential-providers', 'ssh2']);
  });
});

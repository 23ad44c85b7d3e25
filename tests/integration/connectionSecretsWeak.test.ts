import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/createCore.js';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { s3Draft } from './transferSupport.js';

const env = readTestbedEnv();
const secret = env.s3.secretAccessKey;
// Linux's basic_text: its key is the same on every computer, so what it seals anyone can open.
const weakBox = createHeadlessSecretBox({ weak: true });

/** Every file under `dir`, read as text: where a saved secret would be. */
async function everythingOnDisk(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = names.filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
  return (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
}

describe('with only a weak secret backend (basic_text), no secret is saved, against the real RGW', () => {
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let dataDir: string;
  let core: Core | undefined;
  const start = async () =>
    (core = await createCore({
      dataDir,
      homeDir: work.path,
      appVersion: '0.0.0-test',
      platform: 'linux',
      secretBox: weakBox,
      env: { ...process.env, HOME: work.path },
      dialogs: { chooseFolder: async () => null },
    }));
  const restart = async () => {
    await core?.shutdown();
    return start();
  };

  beforeEach(async () => {
    work = await makeTempDir('weak-secrets');
    dataDir = join(work.path, 'data');
  });
  afterEach(async () => {
    await core?.shutdown();
    core = undefined;
    await work.remove();
  });

  it('saves the connection without its secret, says why, and connects with the secret given at connect time', async () => {
    let call = coreClient(await start());
    const info = await call('app:info', {});
    expect(info.secretStorage).toEqual({
      strong: false,
      backend: 'basic_text',
      explanation:
        'Stowage does not save secrets on this computer: no OS keychain is available (basic_text), and without one a saved ' +
        'secret could be read by anyone who can read your files. You are asked for it each time you connect instead. ' +
        'To save secrets, set up a keyring such as GNOME Keyring or KWallet.',
      explanationCode: 'coreConnections:secretStorage.weakLinux',
      explanationParams: { backend: 'basic_text' },
    });

    // The form asked to remember it: the core refuses to, and the summary says so.
    const saved = await call('connections:save', { draft: { ...s3Draft(env), rememberSecret: true } });
    expect(saved).toMatchObject({ rememberSecret: false, hasSavedSecret: false });
    expect(await everythingOnDisk(dataDir)).not.toContain(secret);
    const file = JSON.parse(await readFile(join(dataDir, 'connections.json'), 'utf8')) as { sealedSecrets: object; connections: { rememberSecret: boolean }[] };
    expect(file.sealedSecrets).toEqual({});
    expect(file.connections).toMatchObject([{ rememberSecret: false }]);
    // In this run it is still known (typed in the form a moment ago).
    expect(await call('connections:connect', { id: saved.id })).toMatchObject({ state: 'connected' });

    // Next run: nothing saved, so the secret is asked for, and the one given then works.
    call = coreClient(await restart());
    expect(await call('connections:list', {})).toMatchObject([{ id: saved.id, hasSavedSecret: false, needsSecretAtConnect: true }]);
    expect(await failureOf(call('connections:connect', { id: saved.id }))).toEqual({
      kind: 'auth',
      code: 'coreS3:session.secretKeyNeeded',
      message: 'Enter the secret access key for this connection.',
    });
    expect(await call('connections:connect', { id: saved.id, secrets: { secretAccessKey: secret } })).toMatchObject({ state: 'connected' });
    expect(Array.isArray((await call('fs:list', { connectionId: saved.id, path: '/' })).entries)).toBe(true);
    expect(await everythingOnDisk(dataDir)).not.toContain(secret);
  });

  it('takes a secret saved before (sealed with the weak key) off the disk, keeping it for this run only', async () => {
    let call = coreClient(await start());
    const { id } = await call('connections:save', { draft: { ...s3Draft(env), rememberSecret: false } });
    await core!.shutdown();
    core = undefined;
    // What an older Stowage wrote with basic_text: the secret sealed with the fixed key.
    const path = join(dataDir, 'connections.json');
    const body = JSON.parse(await readFile(path, 'utf8')) as { connections: { rememberSecret: boolean }[]; sealedSecrets: Record<string, string> };
    body.connections[0]!.rememberSecret = true;
    body.sealedSecrets[id] = (await weakBox.encrypt(JSON.stringify({ secretAccessKey: secret }))).toString('base64');
    await writeFile(path, JSON.stringify(body));

    call = coreClient(await start());
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ sealedSecrets: {}, connections: [{ rememberSecret: false }] });
    expect(await call('connections:connect', { id })).toMatchObject({ state: 'connected' });

    call = coreClient(await restart());
    expect(await call('connections:list', {})).toMatchObject([{ id, hasSavedSecret: false, needsSecretAtConnect: true }]);
  });
});

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/createCore.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { coreOn, s3Draft } from './transferSupport.js';
import { damageSealedSecret } from '../support/sealedSecrets.js';

const env = readTestbedEnv();

describe('saved secrets across a restart of the core, against the real RGW', () => {
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let dataDir: string;
  let core: Core | undefined;
  const ids = { kept: '', copy: '', damaged: '' };

  beforeAll(async () => {
    work = await makeTempDir('sbox-secrets');
    dataDir = join(work.path, 'data');
    const first = await coreOn(dataDir, work.path);
    const call = coreClient(first);
    ids.kept = (await call('connections:save', { draft: { ...s3Draft(env), name: 'Kept' } })).id;
    ids.damaged = (await call('connections:save', { draft: { ...s3Draft(env), name: 'Damaged' } })).id;
    ids.copy = (await call('connections:duplicate', { id: ids.kept })).id;
    await first.shutdown();
    await damageSealedSecret(dataDir, ids.damaged);
    core = await coreOn(dataDir, work.path);
  });
  afterAll(async () => {
    await core?.shutdown();
    await work.remove();
  });

  it('connects with the secret saved before the restart, and so does a duplicate', async () => {
    const call = coreClient(core!);
    expect(await call('connections:connect', { id: ids.kept })).toMatchObject({ state: 'connected' });
    expect(await call('connections:connect', { id: ids.copy })).toMatchObject({ state: 'connected' });
    const buckets = await call('fs:list', { connectionId: ids.copy, path: '/' });
    expect(Array.isArray(buckets.entries)).toBe(true);
  });

  it('explains an undecryptable secret for that connection only, and asks for it again', async () => {
    const call = coreClient(core!);
    const list = await call('connections:list', {});
    expect(list.find((c) => c.id === ids.damaged)).toMatchObject({ hasSavedSecret: false, needsSecretAtConnect: true });
    expect(list.find((c) => c.id === ids.kept)).toMatchObject({ hasSavedSecret: true, needsSecretAtConnect: false });

    const failure = await failureOf(call('connections:connect', { id: ids.damaged }));
    expect(failure).toEqual({
      kind: 'auth',
      message: 'The saved secret of this connection could not be decrypted (the OS keychain may have changed). Enter it again.',
      code: 'coreConnections:secretUnreadable',
    });
    const typed = { secretAccessKey: env.s3.secretAccessKey };
    expect(await call('connections:connect', { id: ids.damaged, secrets: typed })).toMatchObject({ state: 'connected' });
  });
});

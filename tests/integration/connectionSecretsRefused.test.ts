import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/createCore.js';
import type { SftpConnectionDraft } from '../../shared/connections.js';
import { coreClient } from '../support/coreClient.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { coreOn, s3Draft } from './transferSupport.js';

const env = readTestbedEnv();

/** A secret is saved only once a server accepted it: a refused one never replaces the saved one. */
describe('secrets typed at connect time are saved only after a login that works (real RGW and sshd)', () => {
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let call: ReturnType<typeof coreClient>;
  const dataDir = () => join(work.path, 'data');
  const sealedOnDisk = async () =>
    (JSON.parse(await readFile(join(dataDir(), 'connections.json'), 'utf8')) as { sealedSecrets: Record<string, string> }).sealedSecrets;
  const summaryOf = async (id: string) => (await call('connections:list', {})).find((c) => c.id === id)!;

  beforeAll(async () => {
    work = await makeTempDir('refused-secrets');
    core = await coreOn(dataDir(), work.path);
    call = coreClient(core);
  });
  afterAll(async () => {
    await core.shutdown();
    await work.remove();
  });

  it('S3: a wrong secret is refused and the saved one stays byte for byte; a right one typed again is saved', async () => {
    const { id } = await call('connections:save', { draft: s3Draft(env) });
    const before = (await sealedOnDisk())[id];
    expect(before).toBeTruthy();

    const wrong = { secretAccessKey: 'NOT-THE-SECRET' };
    expect(await call('connections:connect', { id, secrets: wrong, remember: true })).toEqual({
      state: 'credentialsRefused',
      connectionId: id,
      message: 'The access key or secret key is wrong.',
      code: 'coreS3:service.wrongKeys',
    });
    expect((await sealedOnDisk())[id]).toBe(before);
    // An edit that types no secret keeps the blob too.
    await call('connections:save', { draft: { ...s3Draft(env), id, name: 'Renamed', auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId } } });
    expect((await sealedOnDisk())[id]).toBe(before);
    // The saved secret is still the right one: it connects with nothing typed.
    expect(await call('connections:connect', { id })).toMatchObject({ state: 'connected' });
    await call('connections:disconnect', { id });

    // A connection saved with a wrong secret: the right one typed at connect, "Save" checked, replaces it.
    const bad = await call('connections:save', {
      draft: { ...s3Draft(env), name: 'Saved wrong', auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId, secretAccessKey: 'WRONG' } },
    });
    const wrongBlob = (await sealedOnDisk())[bad.id];
    expect(await call('connections:connect', { id: bad.id })).toMatchObject({ state: 'credentialsRefused' });
    expect(await call('connections:connect', { id: bad.id, secrets: { secretAccessKey: env.s3.secretAccessKey }, remember: true })).toMatchObject({
      state: 'connected',
    });
    const rightBlob = (await sealedOnDisk())[bad.id];
    expect(rightBlob).toBeTruthy();
    expect(rightBlob).not.toBe(wrongBlob);
    await call('connections:disconnect', { id: bad.id });
    expect(await call('connections:connect', { id: bad.id })).toMatchObject({ state: 'connected' });
    await call('connections:disconnect', { id: bad.id });
  });

  it('SFTP: a new connection with a wrong password keeps no secret; "Save" unchecked after a good one saves none', async () => {
    const draft: SftpConnectionDraft = {
      protocol: 'sftp',
      name: 'sshd',
      host: env.sftp.host,
      port: env.sftp.port,
      username: env.sftp.username,
      rememberSecret: true,
      auth: { kind: 'password' },
    };
    const { id } = await call('connections:save', { draft });
    expect(await summaryOf(id)).toMatchObject({ hasSavedSecret: false, needsSecretAtConnect: true });

    // The first connect asks about the host key; the answer carries the typed password (and "Save") on.
    const first = await call('connections:connect', { id, secrets: { password: 'wrong-password' }, remember: true });
    if (first.state !== 'hostKeyPrompt') throw new Error(`expected a host key question, got ${first.state}`);
    expect(await call('connections:answerHostKey', { promptId: first.prompt.promptId, decision: 'trustAndSave' })).toEqual({
      state: 'credentialsRefused',
      connectionId: id,
      message: 'The user name or password is wrong.',
      code: 'coreSftp:login.passwordWrong',
    });
    expect((await sealedOnDisk())[id]).toBeUndefined();
    expect(await summaryOf(id)).toMatchObject({ hasSavedSecret: false, needsSecretAtConnect: true });

    expect(await call('connections:connect', { id, secrets: { password: env.sftp.password }, remember: false })).toMatchObject({ state: 'connected' });
    expect((await sealedOnDisk())[id]).toBeUndefined();
    expect(await summaryOf(id)).toMatchObject({ hasSavedSecret: false, rememberSecret: false });
    await call('connections:disconnect', { id });

    expect(await call('connections:connect', { id, secrets: { password: env.sftp.password }, remember: true })).toMatchObject({ state: 'connected' });
    expect((await sealedOnDisk())[id]).toBeTruthy();
    expect(await summaryOf(id)).toMatchObject({ hasSavedSecret: true, rememberSecret: true });
    await call('connections:disconnect', { id });
  });
});

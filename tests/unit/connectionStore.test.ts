import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionStore } from '../../electron/core/connections/connectionStore.js';
import type { S3ConnectionDraft } from '../../shared/connections.js';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { makeTempDir } from '../support/tempDir.js';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const draft = (rememberSecret: boolean): S3ConnectionDraft => ({
  protocol: 's3',
  name: 'Prod',
  endpoint: { kind: 'aws' },
  region: 'eu-west-1',
  forcePathStyle: false,
  rememberSecret,
  auth: { kind: 'keys', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: secret },
});

describe('ConnectionStore', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  const box = createHeadlessSecretBox();
  beforeEach(async () => (dir = await makeTempDir('store')));
  afterEach(() => dir.remove());

  it('seals remembered secrets on disk and never puts them in summaries', async () => {
    const store = new ConnectionStore(dir.path, box);
    const saved = await store.save(draft(true));
    expect(JSON.stringify(saved)).not.toContain(secret);
    expect(saved).toMatchObject({ hasSavedSecret: true, needsSecretAtConnect: false, auth: { kind: 'keys', accessKeyId: 'AKIAEXAMPLE' } });
    const onDisk = await readFile(join(dir.path, 'connections.json'), 'utf8');
    expect(onDisk).not.toContain(secret);
    expect(onDisk).toContain('AKIAEXAMPLE');

    const reloaded = new ConnectionStore(dir.path, box);
    await reloaded.load();
    expect(reloaded.secretsOf(saved.id).secretAccessKey).toBe(secret);
  });

  it('keeps a secret the user chose not to save in memory only, and asks for it after a restart', async () => {
    const store = new ConnectionStore(dir.path, box);
    const saved = await store.save(draft(false));
    expect(store.secretsOf(saved.id).secretAccessKey).toBe(secret);
    expect(await readFile(join(dir.path, 'connections.json'), 'utf8')).not.toContain(secret);

    const restarted = new ConnectionStore(dir.path, box);
    await restarted.load();
    expect(restarted.summary(saved.id)).toMatchObject({ hasSavedSecret: false, needsSecretAtConnect: true });
    expect(restarted.secretsOf(saved.id, { secretAccessKey: 'typed-now' }).secretAccessKey).toBe('typed-now');
  });

  it('keeps the saved secret when an edit leaves the field empty, and drops it when the auth kind changes', async () => {
    const store = new ConnectionStore(dir.path, box);
    const saved = await store.save(draft(true));
    await store.save({ ...draft(true), id: saved.id, name: 'Renamed', auth: { kind: 'keys', accessKeyId: 'AKIAEXAMPLE' } });
    expect(store.secretsOf(saved.id).secretAccessKey).toBe(secret);
    expect(store.summary(saved.id).name).toBe('Renamed');
    await store.save({ ...draft(true), id: saved.id, auth: { kind: 'profile', profile: 'dev' } });
    expect(store.secretsOf(saved.id).secretAccessKey).toBeUndefined();
  });

  it('refuses to edit a connection that does not exist', async () => {
    const store = new ConnectionStore(dir.path, box);
    await expect(store.save({ ...draft(true), id: 'missing' })).rejects.toMatchObject({ kind: 'notFound' });
  });
});

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionStore } from '../../electron/core/connections/connectionStore.js';
import type { S3ConnectionDraft } from '../../shared/connections.js';
import type { SecretBox } from '../../electron/core/host.js';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { makeTempDir } from '../support/tempDir.js';
import { damageSealedSecret } from '../support/sealedSecrets.js';

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

/** The headless box, counting how often something asks it to decrypt. */
function countingBox(inner: SecretBox): { box: SecretBox; decrypts: () => number } {
  let count = 0;
  const box: SecretBox = {
    ...inner,
    decrypt: (sealed) => {
      count += 1;
      return inner.decrypt(sealed);
    },
  };
  return { box, decrypts: () => count };
}

const sealedOnDisk = async (dataDir: string) =>
  (JSON.parse(await readFile(join(dataDir, 'connections.json'), 'utf8')) as { sealedSecrets: Record<string, string> }).sealedSecrets;

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

  it('decrypts saved secrets once at load, so secretsOf needs no keychain round trip', async () => {
    const store = new ConnectionStore(dir.path, box);
    const first = await store.save(draft(true));
    const second = await store.save({ ...draft(true), name: 'Staging', auth: { kind: 'keys', accessKeyId: 'AKIA2', secretAccessKey: 'other' } });

    const counted = countingBox(box);
    const reloaded = new ConnectionStore(dir.path, counted.box);
    await reloaded.load();
    expect(counted.decrypts()).toBe(2);
    expect(reloaded.secretsOf(first.id).secretAccessKey).toBe(secret);
    expect(reloaded.secretsOf(second.id).secretAccessKey).toBe('other');
    expect(reloaded.secretsOf(first.id, { secretAccessKey: 'typed-now' }).secretAccessKey).toBe('typed-now');
    expect(counted.decrypts()).toBe(2);
    expect(reloaded.summary(first.id)).toMatchObject({ hasSavedSecret: true, needsSecretAtConnect: false });
  });

  it('fails only the connection whose saved secret cannot be decrypted, and takes a new one', async () => {
    const store = new ConnectionStore(dir.path, box);
    const broken = await store.save(draft(true));
    const fine = await store.save({ ...draft(true), name: 'Staging' });
    await damageSealedSecret(dir.path, broken.id);
    const damagedBlob = (await sealedOnDisk(dir.path))[broken.id];

    const reloaded = new ConnectionStore(dir.path, box);
    await reloaded.load();
    expect(reloaded.list().map((c) => c.id).sort()).toEqual([broken.id, fine.id].sort());
    expect(reloaded.secretsOf(fine.id).secretAccessKey).toBe(secret);
    expect(() => reloaded.secretsOf(broken.id)).toThrow(
      expect.objectContaining({ kind: 'auth', message: expect.stringMatching(/could not be decrypted.*Enter it again\./) }),
    );
    // The UI asks for it again, and a secret typed at connect time is used.
    expect(reloaded.summary(broken.id)).toMatchObject({ hasSavedSecret: false, needsSecretAtConnect: true });
    expect(reloaded.secretsOf(broken.id, { secretAccessKey: 'typed-now' }).secretAccessKey).toBe('typed-now');

    // Saving other things (and an edit that types no secret) keeps the unreadable blob as it was.
    await reloaded.save({ ...draft(true), id: fine.id, name: 'Staging 2' });
    await reloaded.save({ ...draft(true), id: broken.id, name: 'Renamed', auth: { kind: 'keys', accessKeyId: 'AKIAEXAMPLE' } });
    expect((await sealedOnDisk(dir.path))[broken.id]).toBe(damagedBlob);
    expect(() => reloaded.secretsOf(broken.id)).toThrow(expect.objectContaining({ kind: 'auth' }));

    // Entering it again replaces the blob, and it survives a restart.
    await reloaded.save({ ...draft(true), id: broken.id, auth: { kind: 'keys', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'new-secret' } });
    expect(reloaded.secretsOf(broken.id).secretAccessKey).toBe('new-secret');
    const again = new ConnectionStore(dir.path, box);
    await again.load();
    expect(again.secretsOf(broken.id).secretAccessKey).toBe('new-secret');
    expect(again.summary(broken.id)).toMatchObject({ hasSavedSecret: true, needsSecretAtConnect: false });
  });

  it('loads when the keychain cannot decrypt anything at all', async () => {
    const store = new ConnectionStore(dir.path, box);
    const saved = await store.save(draft(true));
    const lockedOut: SecretBox = { ...box, decrypt: () => Promise.reject(new Error('Error while decrypting the ciphertext provided')) };
    const reloaded = new ConnectionStore(dir.path, lockedOut);
    await reloaded.load();
    expect(reloaded.summary(saved.id).name).toBe('Prod');
    expect(() => reloaded.secretsOf(saved.id)).toThrow(expect.objectContaining({ kind: 'auth' }));
  });

  it("names a duplicate with the window's word for copy", async () => {
    const store = new ConnectionStore(dir.path, box);
    const original = await store.save(draft(true));
    expect((await store.duplicate(original.id, 'copia')).name).toBe('Prod (copia)');
  });

  it('gives a duplicate the same saved secret, on disk too, independent of the original', async () => {
    const store = new ConnectionStore(dir.path, box);
    const original = await store.save(draft(true));
    const copy = await store.duplicate(original.id);
    expect(copy).toMatchObject({ name: 'Prod (copy)', hasSavedSecret: true });
    expect(store.secretsOf(copy.id).secretAccessKey).toBe(secret);

    const reloaded = new ConnectionStore(dir.path, box);
    await reloaded.load();
    const copyOfReloaded = await reloaded.duplicate(original.id);
    await reloaded.delete(original.id);
    expect(reloaded.secretsOf(copy.id).secretAccessKey).toBe(secret);
    expect(reloaded.secretsOf(copyOfReloaded.id).secretAccessKey).toBe(secret);
    expect(() => reloaded.get(original.id)).toThrow(expect.objectContaining({ kind: 'notFound' }));
    expect(Object.keys(await sealedOnDisk(dir.path)).sort()).toEqual([copy.id, copyOfReloaded.id].sort());
  });

  it('forgets the saved secret on disk when the user stops remembering it', async () => {
    const store = new ConnectionStore(dir.path, box);
    const saved = await store.save(draft(true));
    await store.save({ ...draft(false), id: saved.id, auth: { kind: 'keys', accessKeyId: 'AKIAEXAMPLE' } });
    expect(store.secretsOf(saved.id).secretAccessKey).toBe(secret); // still typed this session
    expect(await sealedOnDisk(dir.path)).toEqual({});

    const reloaded = new ConnectionStore(dir.path, box);
    await reloaded.load();
    expect(reloaded.summary(saved.id)).toMatchObject({ hasSavedSecret: false, needsSecretAtConnect: true });
    expect(reloaded.secretsOf(saved.id).secretAccessKey).toBeUndefined();
  });

  it('leaves the store as it was when the secret cannot be encrypted', async () => {
    const noKeychain: SecretBox = { ...box, encrypt: () => Promise.reject(new Error('No encryption is available on this system to save secrets.')) };
    const store = new ConnectionStore(dir.path, noKeychain);
    await expect(store.save(draft(true))).rejects.toThrow(/No encryption is available/);
    expect(store.list()).toEqual([]);
  });
});

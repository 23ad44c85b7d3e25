/**
 * Main's secret box over Electron's safeStorage (electron/main/secretBox.ts), against a
 * stand-in safeStorage that has only what Electron 45 offers without deprecation.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const storage = { backend: 'gnome_libsecret', available: true, sealed: [] as string[] };

vi.mock('electron', () => ({
  safeStorage: {
    isAsyncEncryptionAvailable: async () => storage.available,
    getSelectedStorageBackend: () => storage.backend,
    encryptStringAsync: async (plain: string) => {
      storage.sealed.push(plain);
      return Buffer.from(`sealed:${plain}`);
    },
    decryptStringAsync: async (sealed: Buffer) => ({ shouldReEncrypt: false, result: sealed.toString().replace(/^sealed:/, '') }),
  },
}));

const { createSafeStorageBox } = await import('../../electron/main/secretBox.js');

describe('the safeStorage secret box', () => {
  beforeEach(() => {
    storage.backend = 'gnome_libsecret';
    storage.available = true;
    storage.sealed = [];
  });

  it('with a Linux keyring: strong, sealing and opening through the async API', async () => {
    const box = await createSafeStorageBox('linux');
    expect(box).toMatchObject({ strong: true, backend: 'gnome_libsecret' });
    const sealed = await box.encrypt('s3cr3t');
    expect(storage.sealed).toEqual(['s3cr3t']);
    expect(await box.decrypt(sealed)).toBe('s3cr3t');
  });

  it('with only basic_text on Linux: weak, and it refuses to seal', async () => {
    storage.backend = 'basic_text';
    const box = await createSafeStorageBox('linux');
    expect(box).toMatchObject({ strong: false, backend: 'basic_text' });
    await expect(box.encrypt('s3cr3t')).rejects.toThrow(/keychain/);
    expect(storage.sealed).toEqual([]);
  });

  it('where encryption is not available at all: weak, and says so', async () => {
    storage.available = false;
    const box = await createSafeStorageBox('win32');
    expect(box).toMatchObject({ strong: false, backend: 'unavailable' });
    await expect(box.encrypt('s3cr3t')).rejects.toThrow();
  });

  it('on macOS and Windows the OS keychain needs no backend check', async () => {
    storage.backend = 'unknown';
    expect(await createSafeStorageBox('darwin')).toMatchObject({ strong: true, backend: 'os_keychain' });
  });
});

import { safeStorage } from 'electron';
import type { SecretBox } from '../core/host.js';
import { mainWords } from './mainWords.js';

/** Linux backends whose key is not the user's own secret: `unknown` is asked before ready. */
const weakBackends = new Set(['basic_text', 'unknown']);

/**
 * Secrets at rest through Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet), with
 * its asynchronous API (the synchronous one is deprecated). On Linux without a keyring it
 * falls back to `basic_text`, which is obfuscation only: the box then says so (strong =
 * false), the core saves no secret and the UI tells the user why. Made after `ready`.
 */
export async function createSafeStorageBox(platform: NodeJS.Platform = process.platform): Promise<SecretBox> {
  const available = await safeStorage.isAsyncEncryptionAvailable();
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os_keychain';
  const strong = available && !weakBackends.has(backend);
  return {
    strong,
    backend: available ? backend : 'unavailable',
    encrypt: async (plain) => {
      if (!strong) throw new Error(mainWords.t('main:noKeychain'));
      return safeStorage.encryptStringAsync(plain);
    },
    // A secret sealed by an older key still opens; it is sealed again on its next save.
    decrypt: async (sealed) => (await safeStorage.decryptStringAsync(sealed)).result,
  };
}

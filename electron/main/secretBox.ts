import { safeStorage } from 'electron';
import type { SecretBox } from '../core/host.js';

/**
 * Secrets at rest through Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet).
 * On Linux without a keyring it falls back to `basic_text`, which is obfuscation only:
 * we say so (strong = false), the core then saves no secret and the UI tells the user why.
 */
export function createSafeStorageBox(): SecretBox {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os_keychain';
  const available = safeStorage.isEncryptionAvailable();
  return {
    strong: available && backend !== 'basic_text' && backend !== 'unknown',
    backend: available ? backend : 'unavailable',
    encrypt: async (plain) => {
      if (!available) throw new Error('No encryption is available on this system to save secrets.');
      return safeStorage.encryptString(plain);
    },
    decrypt: async (sealed) => safeStorage.decryptString(sealed),
  };
}

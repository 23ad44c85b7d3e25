import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretBox } from '../../electron/core/host.js';

/**
 * For headless hosts (tests, the browser preview): AES-256-GCM under a key that lives
 * only in this process. Honest about it: not an OS keychain, so `strong` is false.
 */
export function createHeadlessSecretBox(): SecretBox {
  const key = randomBytes(32);
  return {
    strong: false,
    backend: 'in-memory test key',
    async encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decrypt(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

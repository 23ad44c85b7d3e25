import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretBox } from '../../electron/core/host.js';

export interface HeadlessSecretBoxOptions {
  /** Play Linux's basic_text fallback: a box whose key is fixed, so the core saves no secret with it. */
  weak?: boolean;
}

/**
 * For headless hosts (tests, the browser preview): AES-256-GCM under a random key that lives
 * only in this process, never in a file. What it seals cannot be opened by someone who reads
 * the file, which is what `strong` promises (it is not an OS keychain: nothing outlives the
 * process). `{ weak: true }` plays basic_text instead, to test what the core does without a keychain.
 */
export function createHeadlessSecretBox(options: HeadlessSecretBoxOptions = {}): SecretBox {
  const key = options.weak ? Buffer.alloc(32, 'peanuts') : randomBytes(32);
  return {
    strong: !options.weak,
    backend: options.weak ? 'basic_text' : 'in-memory test key',
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

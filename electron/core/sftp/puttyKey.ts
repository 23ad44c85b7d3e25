import sshpk from 'sshpk';

/** PuTTY's file header: `PuTTY-User-Key-File-<version>: <algorithm>`. */
export function puttyHeader(data: Buffer): { version: string; algorithm: string; encrypted: boolean } | undefined {
  const text = data.toString('latin1', 0, 4096);
  const header = /^PuTTY-User-Key-File-(\d+): (\S+)/m.exec(text);
  if (!header) return undefined;
  const encrypted = /^Encryption: (?!none)/m.test(text);
  return { version: header[1]!, algorithm: header[2]!, encrypted };
}

/**
 * Converts an unencrypted PPK (v2 or v3, any key type) or an encrypted v2 one to the
 * OpenSSH private key format ssh2 reads, with sshpk. Encrypted v3 files (Argon2) are left
 * to the caller's message. Returns undefined when sshpk cannot read it either.
 */
export function convertPuttyKey(data: Buffer, passphrase?: string): Buffer | undefined {
  try {
    const key = sshpk.parsePrivateKey(data, 'putty' as sshpk.PrivateKeyFormatType, passphrase ? { passphrase } : undefined);
    return key.toBuffer('ssh');
  } catch {
    return undefined;
  }
}

import { readFile, stat } from 'node:fs/promises';
import ssh2, { type ParsedKey } from 'ssh2';
import type { CatalogText } from '../../../shared/i18n/catalogText.js';
import { codedError, messageOf, type AppError } from '../errors.js';
import { convertPuttyKey, puttyHeader } from './puttyKey.js';
import { decryptPpkV3 } from './puttyV3Decrypt.js';

export interface LoadedPrivateKey {
  key: ParsedKey;
  /** Things to tell the user that do not stop the connection (like OpenSSH's warnings). */
  warnings: CatalogText[];
}

/** Reads and decrypts a private key file with ssh2's own parser, explaining every failure. */
export async function loadPrivateKey(keyPath: string, passphrase?: string): Promise<LoadedPrivateKey> {
  let data: Buffer;
  let mode: number;
  try {
    [data, mode] = await Promise.all([readFile(keyPath), stat(keyPath).then((s) => s.mode)]);
  } catch (error) {
    throw unreadable(keyPath, error);
  }

  let parsed = ssh2.utils.parseKey(data, passphrase || undefined);
  // ssh2 reads PPK v2 RSA/DSA only; sshpk turns the rest (PuTTYgen 0.75+ writes v3) into OpenSSH form.
  const putty = parsed instanceof Error ? puttyHeader(data) : undefined;
  if (putty?.version === '3' && putty.encrypted) {
    if (!passphrase) throw codedError('auth', 'coreSftp:key.encrypted', { path: keyPath });
    const decrypted = await decryptPpkV3(data, passphrase);
    if (!decrypted) throw codedError('auth', 'coreSftp:key.wrongPassphrase', { path: keyPath });
    const converted = convertPuttyKey(decrypted);
    if (converted) parsed = ssh2.utils.parseKey(converted);
  } else if (putty) {
    const converted = convertPuttyKey(data, passphrase || undefined);
    if (converted) parsed = ssh2.utils.parseKey(converted);
  }
  // A passphrase typed for a key that has none makes some formats (PPK) fail their check.
  if (parsed instanceof Error && passphrase && !(ssh2.utils.parseKey(data) instanceof Error)) {
    parsed = ssh2.utils.parseKey(data);
  }
  if (parsed instanceof Error) throw keyError(keyPath, data, passphrase, parsed);
  const key = Array.isArray(parsed) ? (parsed[0] as ParsedKey | undefined) : parsed;
  if (!key || !key.isPrivateKey()) {
    throw codedError('invalidInput', 'coreSftp:key.isPublic', { path: keyPath });
  }

  const warnings: CatalogText[] = [];
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    warnings.push({ key: 'coreSftp:key.unprotected', params: { path: keyPath, mode: (mode & 0o777).toString(8).padStart(4, '0') } });
  }
  return { key, warnings };
}

function keyError(keyPath: string, data: Buffer, passphrase: string | undefined, error: Error): AppError {
  const text = data.toString('latin1', 0, 4096);
  const putty = puttyHeader(data);
  if (putty && putty.version !== '2' && putty.version !== '3') {
    return codedError('unsupported', 'coreSftp:key.puttyVersion', { path: keyPath, version: putty.version }, error);
  }
  if (/no passphrase given/i.test(error.message)) {
    return codedError('auth', 'coreSftp:key.encrypted', { path: keyPath }, error);
  }
  if (passphrase && (/bad passphrase|bad decrypt/i.test(error.message) || looksEncrypted(text))) {
    return codedError('auth', 'coreSftp:key.wrongPassphrase', { path: keyPath }, error);
  }
  if (/Unsupported/i.test(error.message) && !/Unsupported key format/i.test(error.message)) {
    return codedError('unsupported', 'coreSftp:key.unsupported', { path: keyPath, detail: error.message }, error);
  }
  return codedError('invalidInput', 'coreSftp:key.notKey', { path: keyPath }, error);
}

/** Header text only: ssh2 does the parsing; this just words the error. */
function looksEncrypted(text: string): boolean {
  return /Proc-Type: 4,ENCRYPTED|BEGIN ENCRYPTED PRIVATE KEY|^Encryption: (?!none)/m.test(text);
}

/** Why the key file could not be read, one sentence per cause. */
function unreadable(keyPath: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return codedError('invalidInput', 'coreSftp:key.missing', { path: keyPath }, error);
  if (code === 'EACCES' || code === 'EPERM') return codedError('invalidInput', 'coreSftp:key.denied', { path: keyPath }, error);
  if (code === 'EISDIR') return codedError('invalidInput', 'coreSftp:key.isFolder', { path: keyPath }, error);
  return codedError('invalidInput', 'coreSftp:key.unreadable', { path: keyPath, detail: messageOf(error) }, error);
}

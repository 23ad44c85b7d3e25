import { readFile, stat } from 'node:fs/promises';
import ssh2, { type ParsedKey } from 'ssh2';
import { AppError, messageOf } from '../errors.js';
import { convertPuttyKey, puttyHeader } from './puttyKey.js';
import { decryptPpkV3 } from './puttyV3Decrypt.js';

export interface LoadedPrivateKey {
  key: ParsedKey;
  /** Things to tell the user that do not stop the connection (like OpenSSH's warnings). */
  warnings: string[];
}

/** Reads and decrypts a private key file with ssh2's own parser, explaining every failure. */
export async function loadPrivateKey(keyPath: string, passphrase?: string): Promise<LoadedPrivateKey> {
  let data: Buffer;
  let mode: number;
  try {
    [data, mode] = await Promise.all([readFile(keyPath), stat(keyPath).then((s) => s.mode)]);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : describe(error);
    throw new AppError('invalidInput', `Cannot read the private key file ${keyPath}: ${reason}.`, { cause: error });
  }

  let parsed = ssh2.utils.parseKey(data, passphrase || undefined);
  // ssh2 reads PPK v2 RSA/DSA only; sshpk turns the rest (PuTTYgen 0.75+ writes v3) into OpenSSH form.
  const putty = parsed instanceof Error ? puttyHeader(data) : undefined;
  if (putty?.version === '3' && putty.encrypted) {
    if (!passphrase) throw new AppError('auth', `The private key ${keyPath} is encrypted: enter its passphrase.`);
    const decrypted = await decryptPpkV3(data, passphrase);
    if (!decrypted) throw new AppError('auth', `The passphrase for ${keyPath} is wrong.`);
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
    throw new AppError('invalidInput', `${keyPath} is a public key: choose the private key file (the one without .pub).`);
  }

  const warnings: string[] = [];
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(4, '0');
    warnings.push(
      `UNPROTECTED PRIVATE KEY FILE: ${keyPath} can be read by other users (permissions ${octal}). ` +
        `OpenSSH refuses such a key; protect it with: chmod 600 "${keyPath}"`,
    );
  }
  return { key, warnings };
}

function keyError(keyPath: string, data: Buffer, passphrase: string | undefined, error: Error): AppError {
  const text = data.toString('latin1', 0, 4096);
  const putty = puttyHeader(data);
  if (putty && putty.version !== '2' && putty.version !== '3') {
    return new AppError('unsupported', `${keyPath} is a PuTTY key in an unknown format version (${putty.version}).`, {
      cause: error,
    });
  }
  if (/no passphrase given/i.test(error.message)) {
    return new AppError('auth', `The private key ${keyPath} is encrypted: enter its passphrase.`, { cause: error });
  }
  if (passphrase && (/bad passphrase|bad decrypt/i.test(error.message) || looksEncrypted(text))) {
    return new AppError('auth', `The passphrase for ${keyPath} is wrong.`, { cause: error });
  }
  if (/Unsupported/i.test(error.message) && !/Unsupported key format/i.test(error.message)) {
    return new AppError('unsupported', `${keyPath} uses a key type or cipher Stowage cannot read (${error.message}).`, {
      cause: error,
    });
  }
  return new AppError('invalidInput', `${keyPath} is not a private key ssh can read.`, { cause: error });
}

/** Header text only: ssh2 does the parsing; this just words the error. */
function looksEncrypted(text: string): boolean {
  return /Proc-Type: 4,ENCRYPTED|BEGIN ENCRYPTED PRIVATE KEY|^Encryption: (?!none)/m.test(text);
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return messageOf(error);
}

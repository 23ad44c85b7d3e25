import { createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';
import { argon2dAsync, argon2iAsync, argon2idAsync } from '@noble/hashes/argon2';
import { codedError, type AppError } from '../errors.js';

/** The async forms yield to the event loop while they work (8 MiB, ~20 passes by default). */
const kdfs = { Argon2id: argon2idAsync, Argon2i: argon2iAsync, Argon2d: argon2dAsync } as const;

/**
 * Decrypts a passphrase-protected PPK version 3 file (PuTTYgen 0.75+) into the same file
 * unencrypted, which sshpk then reads. The key comes from Argon2 as PuTTY's spec says:
 * 80 bytes = AES-256-CBC key, IV, and the HMAC-SHA-256 key that proves the passphrase right.
 * Returns undefined when the passphrase is wrong.
 */
export async function decryptPpkV3(data: Buffer, passphrase: string): Promise<Buffer | undefined> {
  const lines = data.toString('latin1').split(/\r?\n/);
  const header = (name: string) => {
    const line = lines.find((l) => l.startsWith(`${name}: `));
    return line?.slice(name.length + 2).trim();
  };
  const block = (name: string) => {
    const at = lines.findIndex((l) => l.startsWith(`${name}: `));
    const count = Number(header(name));
    if (at < 0 || !Number.isInteger(count) || count < 0) throw malformed();
    return Buffer.from(lines.slice(at + 1, at + 1 + count).join(''), 'base64');
  };
  const algorithm = header('PuTTY-User-Key-File-3');
  const encryption = header('Encryption');
  const comment = header('Comment') ?? '';
  const kdf = kdfs[header('Key-Derivation') as keyof typeof kdfs];
  if (!algorithm || encryption !== 'aes256-cbc' || !kdf) throw malformed();
  const publicBlob = block('Public-Lines');
  const encrypted = block('Private-Lines');
  const mac = Buffer.from(header('Private-MAC') ?? '', 'hex');
  if (encrypted.length % 16 !== 0 || mac.length !== 32) throw malformed();

  const derived = Buffer.from(
    await kdf(Buffer.from(passphrase, 'utf8'), Buffer.from(header('Argon2-Salt') ?? '', 'hex'), {
      t: Number(header('Argon2-Passes')),
      m: Number(header('Argon2-Memory')),
      p: Number(header('Argon2-Parallelism')),
      dkLen: 80,
    }),
  );
  const decipher = createDecipheriv('aes-256-cbc', derived.subarray(0, 32), derived.subarray(32, 48));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(encrypted), decipher.final()]);

  const expected = createHmac('sha256', derived.subarray(48, 80))
    .update(Buffer.concat([algorithm, encryption, comment].map((s) => sshString(Buffer.from(s, 'utf8')))))
    .update(sshString(publicBlob))
    .update(sshString(plain))
    .digest();
  if (!timingSafeEqual(expected, mac)) return undefined;

  const wrap = (buffer: Buffer) => buffer.toString('base64').match(/.{1,64}/g) ?? [];
  const publicLines = wrap(publicBlob);
  const privateLines = wrap(plain);
  return Buffer.from(
    [
      `PuTTY-User-Key-File-3: ${algorithm}`,
      'Encryption: none',
      `Comment: ${comment}`,
      `Public-Lines: ${publicLines.length}`,
      ...publicLines,
      `Private-Lines: ${privateLines.length}`,
      ...privateLines,
      '',
    ].join('\n'),
    'latin1',
  );
}

function sshString(buffer: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(buffer.length);
  return Buffer.concat([length, buffer]);
}

function malformed(): AppError {
  return codedError('invalidInput', 'coreSftp:login.ppkDamaged');
}

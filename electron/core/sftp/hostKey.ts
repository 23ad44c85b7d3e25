import { createHash } from 'node:crypto';
import type { MessageParams } from '../../../shared/errors.js';
import { englishMessage } from '../../../shared/i18n/englishMessages.js';
import { AppError } from '../errors.js';

/** The host key a server showed during the handshake, in the forms people and files use. */
export interface PresentedHostKey {
  host: string;
  port: number;
  /** The key's algorithm name as it appears in known_hosts, e.g. `ssh-ed25519`. */
  keyType: string;
  /** `SHA256:<base64 without padding>`, exactly as `ssh-keygen -l` prints it. */
  fingerprintSha256: string;
  /** The public key blob, base64: the second field of a known_hosts line. */
  keyBase64: string;
}

export type HostKeyDecision = 'accept' | 'reject';

/** Decides whether to trust a server's key; may be async (a lookup in known_hosts). */
export type HostKeyPolicy = (key: PresentedHostKey) => HostKeyDecision | Promise<HostKeyDecision>;

/** A sentence of the `coreSftp` catalog and its values. */
export interface CodedSentence {
  code: string;
  params: MessageParams;
}

/** The connection was refused because the server's key is not trusted (yet, or any more). */
export class HostKeyNotTrustedError extends AppError {
  constructor(
    readonly presented: PresentedHostKey,
    sentence: CodedSentence = {
      code: 'coreSftp:login.hostKeyNotTrusted',
      params: { host: hostLabel(presented.host, presented.port), keyType: presented.keyType, fingerprint: presented.fingerprintSha256 },
    },
  ) {
    super('auth', englishMessage(sentence.code, sentence.params), sentence);
    this.name = 'HostKeyNotTrustedError';
  }
}

export function fingerprintSha256(keyBase64: string): string {
  const digest = createHash('sha256').update(Buffer.from(keyBase64, 'base64')).digest('base64');
  return `SHA256:${digest.replace(/=+$/, '')}`;
}

/** The algorithm name at the start of an SSH public key blob (a length-prefixed string). */
export function keyTypeOfBlob(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const length = blob.readUInt32BE(0);
  if (length === 0 || length > 64 || blob.length < 4 + length) return 'unknown';
  return blob.toString('latin1', 4, 4 + length);
}

export function presentHostKey(host: string, port: number, blob: Buffer): PresentedHostKey {
  const keyBase64 = blob.toString('base64');
  return { host, port, keyType: keyTypeOfBlob(blob), fingerprintSha256: fingerprintSha256(keyBase64), keyBase64 };
}

/** `host` for port 22, `[host]:port` otherwise: how OpenSSH names a host in known_hosts. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** `host` for port 22, `host:port` otherwise: how sentences name a server. */
export function hostLabel(host: string, port: number): string {
  return port === 22 ? host : `${host}:${port}`;
}

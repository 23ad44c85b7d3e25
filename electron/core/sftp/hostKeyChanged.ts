import { HostKeyNotTrustedError, hostLabel, knownHostsName, type CodedSentence, type PresentedHostKey } from './hostKey.js';

/** The known_hosts entry that refuses a server's key. */
export interface SavedHostKey {
  keyType: string;
  /** The saved key's fingerprint; the presented key's own when it is marked @revoked. */
  fingerprintSha256: string;
  /** The known_hosts file that holds the entry. */
  file: string;
  /** The presented key itself is marked @revoked. */
  revoked?: boolean;
}

/**
 * The server's key is not the one saved for it (or is revoked): the connection is refused
 * with a sentence that says what changed, that it may be an attack, and how to remove the
 * old entry when the change is expected.
 */
export class HostKeyChangedError extends HostKeyNotTrustedError {
  constructor(
    presented: PresentedHostKey,
    readonly saved: SavedHostKey,
  ) {
    super(presented, hostKeyChangedSentence(presented, saved));
    this.name = 'HostKeyChangedError';
  }
}

/** What the user can run to forget the old key (OpenSSH's own tool, on the exact file); it ends the sentence. */
export function removalCommand(host: string, port: number, file: string): string {
  return `ssh-keygen -R "${knownHostsName(host.toLowerCase(), port)}" -f "${file}"`;
}

/** The refusal's sentence: what changed, that it may be an attack, and how to remove the old entry. */
export function hostKeyChangedSentence(presented: PresentedHostKey, saved: SavedHostKey): CodedSentence {
  const shown = { host: hostLabel(presented.host, presented.port), keyType: presented.keyType, fingerprint: presented.fingerprintSha256 };
  if (saved.revoked) return { code: 'coreSftp:login.hostKeyRevoked', params: { ...shown, file: saved.file } };
  return {
    code: 'coreSftp:login.hostKeyChanged',
    params: {
      ...shown,
      savedKeyType: saved.keyType,
      savedFingerprint: saved.fingerprintSha256,
      command: removalCommand(presented.host, presented.port, saved.file),
    },
  };
}

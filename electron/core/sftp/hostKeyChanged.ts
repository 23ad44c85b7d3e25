import { HostKeyNotTrustedError, hostLabel, knownHostsName, type PresentedHostKey } from './hostKey.js';

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
    super(presented, hostKeyChangedMessage(presented, saved));
    this.name = 'HostKeyChangedError';
  }
}

/** What the user can run to forget the old key (OpenSSH's own tool, on the exact file); it ends the sentence. */
export function removalCommand(host: string, port: number, file: string): string {
  return `ssh-keygen -R "${knownHostsName(host.toLowerCase(), port)}" -f "${file}"`;
}

export function hostKeyChangedMessage(presented: PresentedHostKey, saved: SavedHostKey): string {
  const where = hostLabel(presented.host, presented.port);
  const shown = `${presented.keyType} ${presented.fingerprintSha256}`;
  if (saved.revoked) {
    return (
      `The host key of ${where} (${shown}) is marked @revoked in ${saved.file}: it must not be trusted any more, ` +
      `so Stowage did not connect. Ask the server's administrator for its current key; if the mark is a mistake, ` +
      `delete that @revoked line from the file.`
    );
  }
  return (
    `The host key of ${where} has changed from ${saved.keyType} ${saved.fingerprintSha256} (the key saved for it) ` +
    `to ${shown} (the key the server shows now). This may be an attack: someone between you and the server may be ` +
    `pretending to be it, so Stowage did not connect. If the change is expected (the server was rebuilt or given ` +
    `new keys), check the new fingerprint with the server's administrator, then remove the old entry with this ` +
    `command and connect again: ${removalCommand(presented.host, presented.port, saved.file)}`
  );
}

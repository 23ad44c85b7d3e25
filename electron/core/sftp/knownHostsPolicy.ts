import type { HostKeyPolicy } from './hostKey.js';
import { HostKeyChangedError } from './hostKeyChanged.js';
import type { KnownHosts } from './knownHosts.js';

/**
 * A connection's host key policy: a key in known_hosts, or one the user accepted for this
 * connection (`accepted`, kept across reconnects), is let in; any other is refused, and a
 * changed or revoked key with the sentence that says so.
 */
export function knownHostsPolicy(knownHosts: KnownHosts, accepted: Set<string>): HostKeyPolicy {
  return (key) => {
    const saved = knownHosts.savedInstead(key.host, key.port, key.keyType, key.keyBase64);
    if (saved) throw new HostKeyChangedError(key, saved);
    if (accepted.has(key.keyBase64) || knownHosts.check(key.host, key.port, key.keyType, key.keyBase64).status === 'trusted') {
      accepted.add(key.keyBase64);
      return 'accept';
    }
    return 'reject';
  };
}

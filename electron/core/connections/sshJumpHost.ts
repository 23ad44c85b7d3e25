import { codedError } from '../errors.js';

/** `[user@]host[:port]` (the first hop of an OpenSSH ProxyJump), or undefined when none. */
export function parseJumpHost(
  spec: string | undefined,
  defaultUser: string,
): { host: string; port: number; username: string } | undefined {
  const text = spec?.trim();
  if (!text || text.toLowerCase() === 'none') return undefined;
  if (text.includes(',')) {
    throw codedError('unsupported', 'coreConnections:jumpHost.chain', { jumpHost: text });
  }
  const match = /^(?:([^@\s]+)@)?(\[[^\]\s]+\]|[^:@\s[\]]+)(?::(\d{1,5}))?$/.exec(text);
  if (!match) throw codedError('invalidInput', 'coreConnections:jumpHost.malformed', { jumpHost: text });
  const port = match[3] ? Number(match[3]) : 22;
  if (port < 1 || port > 65535) throw codedError('invalidInput', 'coreConnections:jumpHost.badPort', { port });
  return { username: match[1] ?? defaultUser, host: match[2]!.replace(/^\[(.*)\]$/, '$1'), port };
}

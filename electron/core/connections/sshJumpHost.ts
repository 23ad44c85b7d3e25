import { AppError } from '../errors.js';

/** `[user@]host[:port]` (the first hop of an OpenSSH ProxyJump), or undefined when none. */
export function parseJumpHost(
  spec: string | undefined,
  defaultUser: string,
): { host: string; port: number; username: string } | undefined {
  const text = spec?.trim();
  if (!text || text.toLowerCase() === 'none') return undefined;
  if (text.includes(',')) {
    throw new AppError('unsupported', `Stowage goes through one jump host, not a chain: ${text}`);
  }
  const match = /^(?:([^@\s]+)@)?(\[[^\]\s]+\]|[^:@\s[\]]+)(?::(\d{1,5}))?$/.exec(text);
  if (!match) throw new AppError('invalidInput', `The jump host "${text}" should look like user@bastion.example.com:22.`);
  const port = match[3] ? Number(match[3]) : 22;
  if (port < 1 || port > 65535) throw new AppError('invalidInput', `The jump host port ${port} is not a port.`);
  return { username: match[1] ?? defaultUser, host: match[2]!.replace(/^\[(.*)\]$/, '$1'), port };
}

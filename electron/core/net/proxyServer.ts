import { codedError } from '../errors.js';

/** An HTTP proxy to open CONNECT tunnels through. */
export interface ProxyServer {
  host: string;
  port: number;
  /** `Basic …`, from credentials in the proxy's address. */
  authorization?: string;
}

/** How a proxy is named to the user: host and port, never its password. */
export const proxyLabel = (proxy: ProxyServer) => `${proxy.host.includes(':') ? `[${proxy.host}]` : proxy.host}:${proxy.port}`;

/**
 * A proxy address as HTTPS_PROXY and friends hold it: `http://[user:password@]host[:port]`,
 * or `host:port` with the scheme left out (as curl takes it). Only HTTP proxies: SOCKS and
 * TLS-to-the-proxy are refused with a sentence rather than silently bypassed.
 */
export function parseProxyUrl(text: string): ProxyServer {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
  } catch {
    throw codedError('invalidInput', 'coreNet:proxyMalformed', { proxy: trimmed });
  }
  if (url.protocol !== 'http:') throw codedError('unsupported', 'coreNet:proxyUnsupported', { proxy: trimmed });
  if (!url.hostname) throw codedError('invalidInput', 'coreNet:proxyMalformed', { proxy: trimmed });
  const user = decodeURIComponent(url.username);
  const authorization = user ? `Basic ${Buffer.from(`${user}:${decodeURIComponent(url.password)}`).toString('base64')}` : undefined;
  return { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: Number(url.port) || 80, ...(authorization ? { authorization } : {}) };
}

/**
 * The proxy in an answer of Electron's `session.resolveProxy`, which speaks PAC:
 * `PROXY host:port; DIRECT`, entries in the order to try. The first entry Stowage can use
 * wins (PROXY or HTTP: a proxy; DIRECT: none); undefined means direct. An answer that names
 * only SOCKS, HTTPS or QUIC proxies is refused with a sentence: connecting directly there
 * would go around the user's network policy.
 */
export function proxyFromPac(answer: string): ProxyServer | undefined {
  const entries = answer
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [type, address] = entry.split(/\s+/, 2) as [string, string | undefined];
    const kind = type.toUpperCase();
    if (kind === 'DIRECT') return undefined;
    if ((kind === 'PROXY' || kind === 'HTTP') && address) return parseProxyUrl(`http://${address}`);
  }
  if (entries.length) throw codedError('unsupported', 'coreNet:systemProxyUnsupported', { answer: answer.trim() });
  return undefined;
}

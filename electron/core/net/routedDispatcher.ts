import { Agent, buildConnector } from 'undici';
import { openTunnel } from './connectTunnel.js';
import { OriginRoutes } from './originRoutes.js';
import type { NetworkRoute } from './routedAgents.js';

export interface DispatcherOptions {
  /** How long to wait for a TCP connection (and its TLS handshake). */
  connectTimeoutMs: number;
  /** Connections per origin at most. */
  connections: number;
  /** How long an answer's head, or the gap between two pieces of its body, may take. */
  answerTimeoutMs: number;
}

/** A URL's hostname as a socket takes it: an IPv6 address without its brackets. */
const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

/**
 * undici's Agent for http and https alike, on the route's proxy and trust: the connection a
 * direct request needs is made as undici makes it (TLS session reuse, the server name, the
 * route's CAs through its secure context); where the route names a proxy for the origin, the
 * same connection runs inside a CONNECT tunnel (TLS end to end, as the SDK's agents do).
 */
export function routedDispatcher(network: NetworkRoute | undefined, options: DispatcherOptions): Agent {
  const direct = buildConnector({ timeout: options.connectTimeoutMs, noDelay: true, ...(network && { secureContext: network.secureContext }) });
  const routes = network && new OriginRoutes(network.proxyFor);
  const connect: buildConnector.connector = (target, callback) => {
    if (!routes) return direct(target, callback);
    const https = target.protocol === 'https:';
    const port = Number(target.port) || (https ? 443 : 80);
    const origin = `${target.protocol}//${target.hostname}:${port}/`;
    const known = routes.lookup(origin);
    if (known === null) return direct(target, callback);
    (known ? Promise.resolve(known) : routes.ask(origin))
      .then(async (proxy) => {
        if (!proxy) return direct(target, callback);
        const tunnel = await openTunnel(proxy, bare(target.hostname), port);
        // undici runs TLS over a socket it is given; plain HTTP simply uses the tunnel.
        return https ? direct({ ...target, httpSocket: tunnel }, callback) : callback(null, tunnel);
      })
      .catch((error: Error) => callback(error, null));
  };
  return new Agent({
    connect,
    connections: options.connections,
    headersTimeout: options.answerTimeoutMs,
    bodyTimeout: options.answerTimeoutMs,
  });
}

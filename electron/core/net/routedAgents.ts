import { Agent as HttpAgent, type AgentOptions as HttpAgentOptions, type ClientRequestArgs } from 'node:http';
import { Agent as HttpsAgent, type AgentOptions as HttpsAgentOptions, type RequestOptions } from 'node:https';
import type { Socket } from 'node:net';
import { PassThrough, type Duplex } from 'node:stream';
import { connect as tlsConnect, type ConnectionOptions, type SecureContext } from 'node:tls';
import { openTunnel } from './connectTunnel.js';
import { OriginRoutes } from './originRoutes.js';
import type { ProxyFor } from './proxyPicker.js';
import type { ProxyServer } from './proxyServer.js';

/** How one connection reaches its servers: through which proxy, trusting which CAs. */
export interface NetworkRoute {
  proxyFor: ProxyFor;
  secureContext: SecureContext;
}

type Created = (error: Error | null, stream: Duplex) => void;

function target(options: ClientRequestArgs, defaultPort: number, scheme: 'http' | 'https') {
  const host = String(options.host ?? options.hostname ?? 'localhost').replace(/^\[(.*)\]$/, '$1');
  const port = Number(options.port) || defaultPort;
  return { host, port, origin: `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}/` };
}

/**
 * Makes the connection for `origin`: `direct()` when no proxy applies, else `tunnelled`
 * over a CONNECT tunnel; answers through `created` as Node's Agent allows.
 */
function route(
  routes: OriginRoutes,
  origin: string,
  direct: () => Duplex,
  tunnelled: (proxy: ProxyServer) => Promise<Duplex>,
  created: Created,
): Duplex | undefined {
  const known = routes.lookup(origin);
  if (known === null) return direct();
  (known ? Promise.resolve(known) : routes.ask(origin))
    .then((proxy) => (proxy ? tunnelled(proxy) : direct()))
    .then(
      (stream) => created(null, stream),
      // Node reads no stream when there is an error, but its type for the callback wants one: a closed one stands in.
      (error: Error) => created(error, new PassThrough().destroy()),
    );
  return undefined;
}

/** Node's http.Agent, through the proxy the route names for each origin (a CONNECT tunnel, which carries plain HTTP too). */
export class RoutedHttpAgent extends HttpAgent {
  private readonly routes: OriginRoutes;

  constructor(proxyFor: ProxyFor, options: HttpAgentOptions) {
    super(options);
    this.routes = new OriginRoutes(proxyFor);
  }

  override createConnection(options: ClientRequestArgs, created?: Created): Duplex | undefined {
    const { host, port, origin } = target(options, 80, 'http');
    return route(this.routes, origin, () => super.createConnection(options)!, (proxy) => openTunnel(proxy, host, port), created!);
  }
}

/**
 * Node's https.Agent with the route's trust (its `secureContext`), through the proxy the
 * route names for each origin: TLS runs inside the CONNECT tunnel, end to end, so the
 * proxy sees only the host name.
 */
export class RoutedHttpsAgent extends HttpsAgent {
  private readonly routes: OriginRoutes;

  constructor(network: NetworkRoute, options: HttpsAgentOptions) {
    super({ ...options, secureContext: network.secureContext });
    this.routes = new OriginRoutes(network.proxyFor);
  }

  override createConnection(options: RequestOptions, created?: Created): Duplex | undefined {
    const { host, port, origin } = target(options, 443, 'https');
    const tunnelled = async (proxy: ProxyServer) => {
      const tunnel: Socket = await openTunnel(proxy, host, port);
      // The options Node's own https agent hands tls.connect (servername, the secure context), over the tunnel.
      const socket = tlsConnect({ ...(options as ConnectionOptions), host, port, socket: tunnel });
      tunnel.once('error', (error) => socket.destroy(error));
      return socket;
    };
    return route(this.routes, origin, () => super.createConnection(options)!, tunnelled, created!);
  }
}

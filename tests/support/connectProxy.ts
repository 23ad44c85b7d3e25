import { connect, createServer, type Socket } from 'node:net';

export interface ConnectProxy {
  port: number;
  /** `http://127.0.0.1:PORT`, as HTTPS_PROXY holds it. */
  url: string;
  /** Every tunnel asked for, `host:port`, in order (refused ones too). */
  tunnels: string[];
  /** The Proxy-Authorization headers received, in order. */
  authorizations: (string | undefined)[];
  /** Bytes relayed through open tunnels: client to server (`up`) and back (`down`). */
  bytes: { up: number; down: number };
  close(): Promise<void>;
}

export interface ConnectProxyOptions {
  /** Answer 407 unless Proxy-Authorization is exactly this (`Basic …`). */
  requireAuthorization?: string;
  /** Answer this status (e.g. 403) to every CONNECT instead of opening it. */
  refuseWith?: number;
}

const loopback = new Set(['127.0.0.1', 'localhost', '::1']);
/** A bound on what one test may open, so a loop in the code under test cannot run away. */
const maxTunnels = 512;
const maxHead = 16 * 1024;

/**
 * A loopback HTTP proxy that does only CONNECT, as company proxies do for HTTPS: it counts
 * the tunnels asked for, opens them to loopback targets only (anything else gets 403), and
 * relays bytes both ways. Closing it ends every tunnel.
 */
export async function startConnectProxy(options: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const bytes = { up: 0, down: 0 };
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const server = createServer((client) => {
    track(client);
    let head = Buffer.alloc(0);
    const answer = (status: string) => client.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\n\r\n`);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return void (head.length > maxHead && client.destroy());
      client.off('data', onData);
      const [requestLine = '', ...lines] = head.toString('latin1', 0, end).split('\r\n');
      const authorization = lines.find((l) => /^proxy-authorization:/i.test(l))?.replace(/^[^:]*:\s*/, '');
      const match = /^CONNECT (\[[^\]]+\]|[^:\s]+):(\d+) HTTP\/1\.[01]$/.exec(requestLine);
      if (!match) return answer('405 Method Not Allowed');
      const host = match[1]!.replace(/^\[(.*)\]$/, '$1');
      tunnels.push(`${match[1]}:${match[2]}`);
      authorizations.push(authorization);
      if (tunnels.length > maxTunnels) return answer('429 Too Many Tunnels');
      if (options.requireAuthorization && authorization !== options.requireAuthorization) {
        return answer('407 Proxy Authentication Required');
      }
      if (options.refuseWith) return answer(`${options.refuseWith} Refused`);
      if (!loopback.has(host)) return answer('403 Forbidden');
      const upstream = connect(Number(match[2]), host);
      track(upstream);
      let opened = false;
      upstream.on('connect', () => {
        opened = true;
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        const rest = head.subarray(end + 4);
        if (rest.length) upstream.write(rest);
        bytes.up += rest.length;
        client.on('data', (chunk: Buffer) => void (bytes.up += chunk.length));
        upstream.on('data', (chunk: Buffer) => void (bytes.down += chunk.length));
        client.pipe(upstream);
        upstream.pipe(client);
      });
      upstream.on('error', () => (opened ? client.destroy() : answer('502 Bad Gateway')));
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => opened && client.destroy());
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    tunnels,
    authorizations,
    bytes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

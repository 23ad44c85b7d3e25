import { connect, createServer, type Server } from 'node:net';

/** A TCP relay in front of the test gateway, and how many connections it has taken. */
export interface Relay {
  server: Server;
  port: number;
  connections: () => number;
}

/**
 * A TCP relay to the gateway that drops a kept-alive connection whose next request comes
 * after `idleMs` of silence, before passing a byte of it on: the race of a server closing
 * an idle connection just as the client sends on it.
 */
export async function idleClosingRelay(target: URL, idleMs: number): Promise<Relay> {
  let connections = 0;
  const server = createServer((client) => {
    connections++;
    const upstream = connect(Number(target.port), target.hostname);
    let last = 0;
    client.on('data', (chunk) => {
      if (last && Date.now() - last > idleMs) {
        client.destroy();
        upstream.destroy();
        return;
      }
      last = Date.now();
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      last = Date.now();
      client.write(chunk);
    });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port, connections: () => connections };
}

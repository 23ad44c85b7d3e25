import { connect, createServer, type Socket } from 'node:net';

/** Bytes that crossed the relay, each way, since it started. */
export interface RelayBytes {
  /** Client to server. */
  up: number;
  /** Server to client. */
  down: number;
}

export interface CountingTcpRelay {
  port: number;
  bytes(): RelayBytes;
  /** Connections open now. */
  open(): number;
  /** Connections accepted since it started. */
  accepted(): number;
  close(): Promise<void>;
}

/**
 * A loopback TCP relay to `host:port` that counts the bytes each way (an SSH session's
 * ciphertext: the payload plus a small framing overhead). A side that closes closes the
 * other at once, so the server sees a client that dies as soon as it dies.
 */
export async function startCountingTcpRelay(host: string, port: number): Promise<CountingTcpRelay> {
  const counted: RelayBytes = { up: 0, down: 0 };
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((client) => {
    accepted += 1;
    const upstream = connect(port, host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    client.on('data', (chunk: Buffer) => void (counted.up += chunk.length));
    upstream.on('data', (chunk: Buffer) => void (counted.down += chunk.length));
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    bytes: () => ({ ...counted }),
    open: () => Math.floor(sockets.size / 2),
    accepted: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP relay that puts a network's round trip between a client and a server:
 * every chunk leaves `oneWayMs` after it arrived, in order, in both directions, and a new
 * connection pays the TCP handshake's round trip before the server sees it. It does not
 * limit bandwidth: up to `windowBytes` per direction wait in it at once (at 20 ms one
 * way, 32 MiB carry 1.6 GB/s), and past that it stops reading until the far side catches
 * up, as a full TCP window would. One timer per direction, armed for the oldest chunk;
 * each firing writes every chunk that is due in one corked batch.
 */
export interface LatencyRelay {
  server: Server;
  port: number;
  /** Connections accepted so far. */
  connections: () => number;
  close: () => Promise<void>;
}

export interface LatencyRelayOptions {
  oneWayMs: number;
  /** Bytes that may wait in one direction of one connection; 32 MiB unless given. */
  windowBytes?: number;
}

export async function startLatencyRelay(target: { host: string; port: number }, options: LatencyRelayOptions): Promise<LatencyRelay> {
  const { oneWayMs } = options;
  const windowBytes = options.windowBytes ?? 32 * 1024 * 1024;
  const sockets = new Set<Socket>();
  let connections = 0;
  // Half-open sockets: a side that has sent all it will send still gets what is on its way.
  const server = createServer({ allowHalfOpen: true, noDelay: true }, (client) => {
    connections++;
    const acceptedAt = performance.now();
    const upstream = connect({ host: target.host, port: target.port, noDelay: true, allowHalfOpen: true });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      // A reset or failure on either side ends both at once, as it would end the connection.
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    // Nothing reaches the server before the handshake's round trip would have completed.
    delayed(client, upstream, oneWayMs, windowBytes, acceptedAt + 2 * oneWayMs);
    delayed(upstream, client, oneWayMs, windowBytes, acceptedAt);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    port: (server.address() as { port: number }).port,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** One direction: reads `from`, writes each chunk to `to` once it is `oneWayMs` old, keeping order. */
function delayed(from: Socket, to: Socket, oneWayMs: number, windowBytes: number, notBefore: number): void {
  // A queue as an array with a moving head: shift() on a long array would copy it each time.
  let queue: { due: number; chunk: Buffer | null }[] = [];
  let head = 0;
  let queuedBytes = 0;
  let timer: NodeJS.Timeout | undefined;
  let waitingForDrain = false;

  const arm = () => {
    if (timer || waitingForDrain || head === queue.length) return;
    const wait = queue[head]!.due - performance.now();
    // A chunk already due (after a drain) goes at once: a timer's 1 ms floor would cap the rate.
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  };
  const flush = () => {
    timer = undefined;
    const now = performance.now();
    // Every due chunk in one corked batch (one writev), whatever the socket's high-water
    // mark says: the window below bounds what waits here and in the socket together.
    to.cork();
    while (head < queue.length && queue[head]!.due <= now) {
      const { chunk } = queue[head++]!;
      if (to.destroyed) continue;
      if (chunk === null) {
        to.end();
        continue;
      }
      queuedBytes -= chunk.length;
      to.write(chunk);
    }
    to.uncork();
    if (head === queue.length) {
      queue = [];
      head = 0;
    }
    if (to.writableNeedDrain && !to.destroyed) {
      waitingForDrain = true;
      to.once('drain', () => {
        waitingForDrain = false;
        if (from.isPaused() && queuedBytes + to.writableLength < windowBytes) from.resume();
        arm();
      });
    } else {
      if (from.isPaused() && queuedBytes + to.writableLength < windowBytes) from.resume();
      arm();
    }
  };
  const push = (chunk: Buffer | null) => {
    queue.push({ due: Math.max(performance.now(), notBefore) + oneWayMs, chunk });
    arm();
  };

  from.on('data', (chunk: Buffer) => {
    queuedBytes += chunk.length;
    push(chunk);
    if (queuedBytes + to.writableLength >= windowBytes) from.pause();
  });
  from.on('end', () => push(null));
  to.on('close', () => clearTimeout(timer));
}

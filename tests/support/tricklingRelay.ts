import { connect, createServer } from 'node:net';
import type { Relay } from './idleClosingRelay.js';

/**
 * A TCP relay to the gateway that passes the gateway's answers on a few bytes at a time,
 * a moment apart, so that one answer's head reaches the client in many reads.
 */
export async function tricklingRelay(target: URL, pieceBytes: number): Promise<Relay> {
  let connections = 0;
  const server = createServer((client) => {
    connections++;
    client.setNoDelay(true);
    const upstream = connect(Number(target.port), target.hostname);
    let sending = Promise.resolve();
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk: Buffer) => {
      sending = sending.then(async () => {
        for (let at = 0; at < chunk.length; at += pieceBytes) {
          if (client.destroyed) return;
          client.write(chunk.subarray(at, at + pieceBytes));
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      });
    });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => void sending.then(() => client.destroy()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port, connections: () => connections };
}

// The transfer benchmark's latency relay (tests/support/latencyRelay.ts), over loopback
// sockets: it must add its round trip, keep every byte in order, and hold back no more
// than its window when the far side stops reading.
import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startLatencyRelay, type LatencyRelay } from '../support/latencyRelay.js';

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
const opened = (port: number) =>
  new Promise<Socket>((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
const read = (s: Socket, bytes: number) =>
  new Promise<Buffer>((resolve) => {
    const parts: Buffer[] = [];
    let got = 0;
    const onData = (d: Buffer) => {
      parts.push(d);
      got += d.length;
      if (got >= bytes) {
        s.off('data', onData);
        resolve(Buffer.concat(parts));
      }
    };
    s.on('data', onData);
  });

describe('latencyRelay', () => {
  const closers: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });
  async function echoThrough(oneWayMs: number, windowBytes?: number): Promise<{ relay: LatencyRelay; port: number }> {
    const echo = createServer((s) => s.pipe(s));
    const port = await listen(echo);
    const relay = await startLatencyRelay({ host: '127.0.0.1', port }, { oneWayMs, windowBytes });
    closers.push(() => relay.close(), () => void echo.close());
    return { relay, port };
  }

  it('adds its round trip to every exchange, and the handshake round trip to a new connection', async () => {
    const { relay } = await echoThrough(20);
    const s = await opened(relay.port);
    closers.push(() => void s.destroy());
    let began = performance.now();
    s.write('first');
    expect((await read(s, 5)).toString()).toBe('first');
    // 40 ms for the handshake, 20 there, 20 back.
    expect(performance.now() - began).toBeGreaterThanOrEqual(78);
    began = performance.now();
    s.write('again');
    expect((await read(s, 5)).toString()).toBe('again');
    const rtt = performance.now() - began;
    expect(rtt).toBeGreaterThanOrEqual(38);
    expect(rtt).toBeLessThan(78);
    expect(relay.connections()).toBe(1);
  });

  it('carries every byte, in order, both ways, and passes on the end of a stream', async () => {
    const { relay } = await echoThrough(5);
    const s = await opened(relay.port);
    closers.push(() => void s.destroy());
    const sent = randomBytes(8 * 1024 * 1024);
    const back = read(s, sent.length);
    for (let at = 0; at < sent.length; at += 100_000) s.write(sent.subarray(at, at + 100_000));
    expect((await back).equals(sent)).toBe(true);
    const ended = new Promise<void>((resolve) => s.once('end', () => resolve()));
    s.end();
    await ended; // the echo server ended its side once the relay passed ours on
  });

  it('stops reading when its window is full and the far side does not read', async () => {
    let far: Socket | undefined;
    const sink = createServer((s) => {
      far = s;
      s.pause();
    });
    const port = await listen(sink);
    const relay = await startLatencyRelay({ host: '127.0.0.1', port }, { oneWayMs: 1, windowBytes: 256 * 1024 });
    closers.push(() => relay.close(), () => void sink.close());
    const s = await opened(relay.port);
    closers.push(() => void s.destroy());
    const block = Buffer.alloc(1024 * 1024);
    let written = 0;
    // The client writes 256 MiB as fast as the relay takes it: were the relay to read without
    // limit, all of it would leave the client's buffer.
    for (let i = 0; i < 256; i++) {
      s.write(block);
      written += block.length;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(far).toBeDefined();
    // What left the client sits in kernel buffers (a few MiB each side) and the relay's window.
    expect(written - s.writableLength).toBeLessThan(64 * 1024 * 1024);
    far!.resume();
    let got = 0;
    await new Promise<void>((resolve) =>
      far!.on('data', (d: Buffer) => {
        got += d.length;
        if (got === written) resolve();
      }),
    );
    expect(got).toBe(written);
  });
});

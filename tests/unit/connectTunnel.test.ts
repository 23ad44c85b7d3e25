// CONNECT tunnels through a loopback proxy: what SSH and HTTPS ride on, and the sentences
// for a proxy that refuses, wants a password, or is not there.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTunnel } from '../../electron/core/net/connectTunnel.js';
import { parseProxyUrl } from '../../electron/core/net/proxyServer.js';
import { startConnectProxy, type ConnectProxy } from '../support/connectProxy.js';

/** A loopback server that speaks first (as an SSH server does) and then echoes. */
async function startGreeter(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    socket.write('HELLO\n');
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

function readUntil(socket: Socket, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let got = '';
    const timer = setTimeout(() => reject(new Error(`no "${text}" within 5 s, got ${JSON.stringify(got)}`)), 5_000);
    socket.on('data', (chunk: Buffer) => {
      got += chunk.toString();
      if (got.includes(text)) {
        clearTimeout(timer);
        resolve(got);
      }
    });
  });
}

describe('CONNECT tunnels', () => {
  let greeter: Awaited<ReturnType<typeof startGreeter>>;
  let proxy: ConnectProxy;
  beforeAll(async () => {
    greeter = await startGreeter();
    proxy = await startConnectProxy();
  });
  afterAll(async () => {
    await proxy.close();
    greeter.server.close();
  });

  it('opens a tunnel, keeps the bytes the server sent first, and carries both ways', async () => {
    const socket = await openTunnel(parseProxyUrl(proxy.url), '127.0.0.1', greeter.port);
    try {
      expect(proxy.tunnels.at(-1)).toBe(`127.0.0.1:${greeter.port}`);
      const reading = readUntil(socket, 'ping');
      socket.write('ping');
      expect(await reading).toBe('HELLO\nping');
    } finally {
      socket.destroy();
    }
  });

  it('sends the credentials of the proxy address, and says when the proxy wants them', async () => {
    const locked = await startConnectProxy({ requireAuthorization: `Basic ${Buffer.from('me:secret').toString('base64')}` });
    try {
      const withLogin = await openTunnel(parseProxyUrl(`http://me:secret@127.0.0.1:${locked.port}`), '127.0.0.1', greeter.port);
      withLogin.destroy();
      await expect(openTunnel(parseProxyUrl(locked.url), '127.0.0.1', greeter.port)).rejects.toMatchObject({
        kind: 'auth',
        message: `The proxy 127.0.0.1:${locked.port} asks for a user name and password: put them in the proxy address (http://user:password@host:port).`,
      });
    } finally {
      await locked.close();
    }
  });

  it('says when the proxy refuses the target, is not there, or is not a proxy', async () => {
    const refusing = await startConnectProxy({ refuseWith: 403 });
    try {
      await expect(openTunnel(parseProxyUrl(refusing.url), '127.0.0.1', 22)).rejects.toThrow(
        `The proxy 127.0.0.1:${refusing.port} refused to connect to 127.0.0.1:22 (HTTP 403 Refused). Ask whoever runs the proxy to allow it, or set NO_PROXY for this server.`,
      );
    } finally {
      await refusing.close();
    }
    const closed = await startConnectProxy();
    await closed.close();
    await expect(openTunnel(parseProxyUrl(closed.url), '127.0.0.1', 22)).rejects.toThrow(/Cannot reach the proxy 127\.0\.0\.1:\d+: it refused the connection/);
    // A server that is no proxy: it greets instead of answering CONNECT, then waits.
    await expect(openTunnel({ host: '127.0.0.1', port: greeter.port }, '127.0.0.1', 22, 2_000)).rejects.toThrow(/did not (answer like an HTTP proxy|open a tunnel in time)/);
  });
});

import { connect, type Socket } from 'node:net';
import { AppError, codedError } from '../errors.js';
import { proxyLabel, type ProxyServer } from './proxyServer.js';

/** Longer than any answer a proxy gives to CONNECT; more is not a proxy's answer. */
const maxHead = 16 * 1024;
const tunnelTimeoutMs = 15_000;

/** Node's socket error codes → why the proxy cannot be reached, in the catalog. */
const unreachable: Record<string, string> = {
  ECONNREFUSED: 'coreNet:proxyUnreachable.refused',
  ENOTFOUND: 'coreNet:proxyUnreachable.hostNotFound',
  EAI_AGAIN: 'coreNet:proxyUnreachable.lookupFailed',
  ECONNRESET: 'coreNet:proxyUnreachable.reset',
  EHOSTUNREACH: 'coreNet:proxyUnreachable.hostUnreachable',
  ENETUNREACH: 'coreNet:proxyUnreachable.networkUnreachable',
};

/**
 * Opens a byte stream to host:port through an HTTP proxy's CONNECT: what HTTPS requests
 * (TLS runs inside it, end to end), plain-HTTP requests and SSH all ride on. Resolves once
 * the proxy answered 2xx, with any bytes that came with the answer (an SSH server speaks
 * first) put back to be read; anything else rejects with a sentence. The answer is read
 * with `read()` rather than 'data' events, so the stream is left as if never read: whoever
 * takes it next starts it flowing with its own listener and loses nothing.
 */
export function openTunnel(proxy: ProxyServer, host: string, port: number, timeoutMs = tunnelTimeoutMs): Promise<Socket> {
  const label = proxyLabel(proxy);
  const target = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  return new Promise((resolve, reject) => {
    const socket = connect({ host: proxy.host, port: proxy.port, noDelay: true });
    let received = Buffer.alloc(0);
    const finish = (error?: AppError, rest?: Buffer) => {
      socket.off('readable', onReadable).off('error', onError).off('close', onClose).off('timeout', onTimeout);
      socket.setTimeout(0);
      if (error) {
        socket.destroy();
        return reject(error);
      }
      if (rest?.length) socket.unshift(rest);
      resolve(socket);
    };
    const onError = (error: NodeJS.ErrnoException) => {
      const known = unreachable[error.code ?? ''];
      finish(known ? codedError('network', known, { proxy: label }, error) : codedError('network', 'coreNet:proxyUnreachable.other', { proxy: label, detail: error.message }, error));
    };
    const onClose = () => finish(codedError('network', 'coreNet:proxyClosed', { proxy: label }));
    const onTimeout = () => finish(codedError('network', 'coreNet:proxyTimeout', { proxy: label }));
    const onReadable = () => {
      for (let chunk: Buffer | null; (chunk = socket.read() as Buffer | null) !== null; ) received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) {
        if (received.length > maxHead) finish(codedError('network', 'coreNet:proxyNotHttp', { proxy: label }));
        return;
      }
      const status = /^HTTP\/1\.[01] (\d{3})([^\r\n]*)/.exec(received.toString('latin1', 0, end));
      if (!status) return finish(codedError('network', 'coreNet:proxyNotHttp', { proxy: label }));
      const code = Number(status[1]);
      if (code === 407) return finish(codedError('auth', 'coreNet:proxyNeedsLogin', { proxy: label }));
      if (code < 200 || code > 299) return finish(codedError('network', 'coreNet:proxyRefused', { proxy: label, target, status: `HTTP ${code}${status[2]}`.trimEnd() }));
      finish(undefined, received.subarray(end + 4));
    };
    socket.on('readable', onReadable).on('error', onError).on('close', onClose).on('timeout', onTimeout);
    socket.setTimeout(timeoutMs);
    const login = proxy.authorization ? `Proxy-Authorization: ${proxy.authorization}\r\n` : '';
    socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${login}\r\n`);
  });
}

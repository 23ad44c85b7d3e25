import type { Socket } from 'node:net';
import { openTunnel } from '../net/connectTunnel.js';
import type { ProxyFor } from '../net/proxyPicker.js';

/**
 * A CONNECT tunnel to an SSH server where a proxy applies to it, else undefined (ssh2 then
 * connects by itself). Proxy settings have no scheme for SSH: it is asked about as
 * `https://host:port`, the kind of connection a CONNECT proxy carries, so HTTPS_PROXY,
 * ALL_PROXY, NO_PROXY and the OS's proxy for HTTPS decide. The tunnel's socket has Nagle's
 * algorithm off, as sshLogin sets it on its own sockets.
 */
export async function sshTunnel(proxyFor: ProxyFor | undefined, host: string, port: number): Promise<Socket | undefined> {
  const proxy = await proxyFor?.(`https://${host.includes(':') ? `[${host}]` : host}:${port}/`);
  return proxy ? openTunnel(proxy, host, port) : undefined;
}

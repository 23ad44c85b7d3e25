import { session } from 'electron';

/**
 * The OS's proxy for a URL, for the core process (which runs Node's networking and cannot
 * see the OS proxy itself): Chromium resolves it as the browser would, from the system
 * settings, a PAC script or WPAD, and answers in PAC form, e.g. `PROXY proxy:3128; DIRECT`
 * or `DIRECT`. The core reads that answer (electron/core/net/proxyServer.ts) and asks only
 * where HTTPS_PROXY, HTTP_PROXY and NO_PROXY leave a URL undecided. Call after app ready.
 */
export function resolveSystemProxy(url: string): Promise<string> {
  return session.defaultSession.resolveProxy(url);
}

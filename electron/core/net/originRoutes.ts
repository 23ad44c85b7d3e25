import type { ProxyFor } from './proxyPicker.js';
import type { ProxyServer } from './proxyServer.js';

/**
 * Each origin's proxy, asked once and then known: an agent's later connections to it are
 * made at once (a direct one exactly as Node's own agent makes it), without asking the OS
 * again for every socket. A failed question is not remembered.
 */
export class OriginRoutes {
  private readonly known = new Map<string, ProxyServer | null>();

  constructor(private readonly proxyFor: ProxyFor) {}

  lookup(origin: string): ProxyServer | null | undefined {
    return this.known.get(origin);
  }

  async ask(origin: string): Promise<ProxyServer | null> {
    const proxy = (await this.proxyFor(origin)) ?? null;
    this.known.set(origin, proxy);
    return proxy;
  }
}

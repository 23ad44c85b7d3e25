import { BlockList, isIP } from 'node:net';

/**
 * Whether NO_PROXY keeps `hostname:port` off the proxy, with the meaning curl and Go give
 * it: entries split by commas or spaces; `*` matches every host; `example.com` matches
 * that host and its subdomains, `.example.com` and `*.example.com` only subdomains; an IP
 * matches itself and `10.0.0.0/8` its subnet; `host:port` (`[::1]:port` for IPv6) matches
 * that port only. Loopback has no special case: NO_PROXY=127.0.0.1 says so, as with curl.
 */
export function bypassesProxy(noProxy: string | undefined, hostname: string, port: number): boolean {
  const host = unbracket(hostname.toLowerCase()).replace(/\.$/, '');
  return (noProxy ?? '').split(/[\s,]+/).some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (!entry) return false;
    if (entry === '*') return true;
    const { name, entryPort } = splitPort(entry);
    if (entryPort !== undefined && entryPort !== port) return false;
    if (name.includes('/')) return inSubnet(host, name);
    if (name.startsWith('*.') || name.startsWith('.')) return host.endsWith(name.slice(name.indexOf('.')));
    return host === name || (!isIP(host) && host.endsWith(`.${name}`));
  });
}

const unbracket = (host: string) => host.replace(/^\[(.*)\]$/, '$1');

/** `host:port`, `[v6]:port`, or a bare name or address (an IPv6 address has colons of its own). */
function splitPort(entry: string): { name: string; entryPort?: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1]!, entryPort: bracketed[2] ? Number(bracketed[2]) : undefined };
  const withPort = /^([^:]+):(\d+)$/.exec(entry);
  if (withPort) return { name: withPort[1]!, entryPort: Number(withPort[2]) };
  return { name: entry };
}

function inSubnet(host: string, cidr: string): boolean {
  const [network, bits] = cidr.split('/');
  const family = isIP(network ?? '');
  if (!family || family !== isIP(host) || !/^\d+$/.test(bits ?? '')) return false;
  const list = new BlockList();
  try {
    list.addSubnet(network!, Number(bits), family === 6 ? 'ipv6' : 'ipv4');
  } catch {
    return false;
  }
  return list.check(host, family === 6 ? 'ipv6' : 'ipv4');
}

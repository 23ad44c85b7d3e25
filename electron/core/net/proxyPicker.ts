import { codedError } from '../errors.js';
import { bypassesProxy } from './noProxy.js';
import { parseProxyUrl, proxyFromPac, type ProxyServer } from './proxyServer.js';

/** The proxy for a URL, or undefined to connect directly. */
export type ProxyFor = (url: string) => Promise<ProxyServer | undefined>;

/** Asks the host (main, through Electron) for the OS's proxy for a URL, as a PAC answer. */
export type ResolveProxy = (url: string) => Promise<string>;

export const direct: ProxyFor = async () => undefined;

/** An environment variable in either case, lower case first (as curl reads them); empty counts as unset. */
function fromEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  return env[name] || env[name.toUpperCase()] || undefined;
}

/**
 * Picks a proxy per URL the way the user's machine says: NO_PROXY first (it also keeps
 * the OS proxy away from the hosts it names); then HTTPS_PROXY for https URLs, HTTP_PROXY
 * for http ones, ALL_PROXY for both; and where the environment names none, the OS's own
 * setting (manual, PAC or WPAD) as the host resolves it. A host without that ability
 * (tests, the browser preview) connects directly.
 */
export function proxyPicker(env: NodeJS.ProcessEnv, resolveProxy?: ResolveProxy): ProxyFor {
  return async (url) => {
    const target = new URL(url);
    const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80);
    if (bypassesProxy(fromEnv(env, 'no_proxy'), target.hostname, port)) return undefined;
    const named = fromEnv(env, target.protocol === 'https:' ? 'https_proxy' : 'http_proxy') ?? fromEnv(env, 'all_proxy');
    if (named) return parseProxyUrl(named);
    return resolveProxy ? proxyFromPac(await answerInTime(resolveProxy(url))) : undefined;
  };
}

/** A PAC script or WPAD lookup that hangs must not hold a connection forever. */
const systemProxyWaitMs = 10_000;

function answerInTime(answer: Promise<string>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(codedError('network', 'coreNet:systemProxyTimeout', { seconds: systemProxyWaitMs / 1000 })), systemProxyWaitMs);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

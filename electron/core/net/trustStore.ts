import { readFileSync } from 'node:fs';
import tls, { createSecureContext, type SecureContext } from 'node:tls';
import { pemCertificates, readCaFile } from './caFile.js';

type CaSource = 'default' | 'system';
/** Node 22.15+ (the Node in Electron 45); absent on Node 20, where tests also run. */
const getCACertificates = (tls as { getCACertificates?: (source: CaSource) => string[] }).getCACertificates;

let roots: string[] | undefined;
let shared: SecureContext | undefined;

/**
 * What every TLS connection of the core trusts: Node's bundled roots and NODE_EXTRA_CA_CERTS
 * (Node's 'default'), and the OS trust store (macOS keychain, Windows store, Linux's
 * /etc/ssl) where Node can read it. A company's own CA, installed on the machine by its IT
 * department, is then trusted as the browser trusts it. Node 20 has no reader for the OS
 * store: there it is Node's default roots and NODE_EXTRA_CA_CERTS.
 */
export function trustedRoots(): string[] {
  roots ??= [...new Set([...defaultRoots(), ...systemRoots()])];
  return roots;
}

function defaultRoots(): string[] {
  if (getCACertificates) return getCACertificates('default');
  const extra = process.env.NODE_EXTRA_CA_CERTS;
  let extraPems: string[] = [];
  try {
    extraPems = extra ? pemCertificates(readFileSync(extra, 'latin1')) : [];
  } catch {
    // Node itself warns about an unreadable NODE_EXTRA_CA_CERTS at start.
  }
  return [...tls.rootCertificates, ...extraPems];
}

function systemRoots(): string[] {
  try {
    return getCACertificates?.('system') ?? [];
  } catch {
    // A store the OS will not hand over leaves Node's own roots, as before.
    return [];
  }
}

/**
 * The TLS context for one connection: the roots above, plus the certificates of the
 * connection's own CA file (trusted for that connection only). One context per connection,
 * made once: passing the roots to every handshake would parse them all again each time.
 */
export async function secureContextFor(caFile?: string): Promise<SecureContext> {
  if (!caFile) return (shared ??= createSecureContext({ ca: trustedRoots() }));
  return createSecureContext({ ca: [...trustedRoots(), ...(await readCaFile(caFile))] });
}

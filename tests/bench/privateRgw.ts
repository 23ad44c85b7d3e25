// The benchmarks' own RGW (tests/servers/s3-rgw.sh with a memstore of its own), apart from the
// test servers, so a run measures a gateway nothing else uses.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const rgwScript = 'tests/servers/s3-rgw.sh';

export interface PrivateRgwOptions {
  port: number;
  /** HTTPS beside it (s3-rgw.sh serves it on port + 1 by default). */
  tlsPort: number;
  monPort: number;
  memstoreBytes: number;
}

/** Starts it from `dir`; answers its ceph.conf and the private CA its HTTPS certificate comes from. */
export async function startPrivateRgw(dir: string, o: PrivateRgwOptions): Promise<{ conf: string; caFile: string }> {
  await run('bash', [rgwScript, 'start', dir], {
    env: { ...process.env, RGW_PORT: String(o.port), RGW_TLS_PORT: String(o.tlsPort), MON_PORT: String(o.monPort), MEMSTORE_BYTES: String(o.memstoreBytes) },
  });
  return { conf: join(dir, 'ceph.conf'), caFile: resolve(dir, 'tls', 'ca.pem') };
}

export async function stopPrivateRgw(dir: string): Promise<void> {
  await run('bash', [rgwScript, 'stop', dir]).catch(() => undefined);
}

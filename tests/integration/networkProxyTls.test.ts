// The network as the OS sees it, against the real servers on loopback: RGW's own TLS port
// (a certificate from a private CA the server script made), a loopback CONNECT proxy that
// counts its tunnels, and the real sshd. Proves: a connection's CA file is trusted (and
// only it: without it, a sentence saying to name it); HTTPS_PROXY / HTTP_PROXY / NO_PROXY
// in the core's environment and the host's resolveProxy answer decide the route; the
// plain-HTTP fast paths step aside for a proxy; SFTP goes through the tunnel too.
import { randomBytes } from 'node:crypto';
import * as tls from 'node:tls';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3ConnectionDraft } from '../../shared/connections.js';
import type { Core } from '../../electron/core/createCore.js';
import { forkCoreProcess } from '../support/forkCoreProcess.js';
import { startRemoteCore } from '../../electron/main/remoteCore.js';
import { nodeBundleOptions } from '../../electron/nodeBundle.mjs';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { startConnectProxy, type ConnectProxy } from '../support/connectProxy.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { MiB, s3Draft, sha256File, waitFor } from './transferSupport.js';

const env = readTestbedEnv();
const { tlsEndpoint, caFile } = env.s3;
if (!tlsEndpoint || !caFile) {
  throw new Error('The test RGW serves no TLS yet (no S3_TLS_ENDPOINT in its env file): restart the test servers (`npm run servers:stop && npm run servers:start`).');
}
const tlsPort = new URL(tlsEndpoint).port;
const plainPort = new URL(env.s3.endpoint).port;

/** Node 22.15+ reads the OS trust store (Electron 45's Node does); Node 20 cannot. */
const readsSystemStore = typeof (tls as { getCACertificates?: unknown }).getCACertificates === 'function';

/** The machine's environment without any proxy setting: each test names its own. */
const noProxyEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(https?|all|no)_proxy$/i.test(name)));

const tlsDraft = (ca?: string): S3ConnectionDraft => ({ ...s3Draft(env, tlsEndpoint), name: 'RGW over TLS', ...(ca ? { caFile: ca } : {}) });

async function connectWith(core: { dispatch: Core['dispatch'] }, draft: S3ConnectionDraft): Promise<string> {
  const call = coreClient(core);
  const saved = await call('connections:save', { draft });
  const outcome = await call('connections:connect', { id: saved.id });
  expect(outcome.state).toBe('connected');
  return saved.id;
}

describe('TLS with a private CA, proxies, and the OS proxy, against the real RGW and sshd', () => {
  const s3 = testS3Client(env);
  const bucket = uniqueBucketName('net');
  let work: TempDir;
  let proxy: ConnectProxy;
  const cores: HeadlessCore[] = [];
  const core = async (extraEnv: NodeJS.ProcessEnv = {}, resolveProxy?: (url: string) => Promise<string>) => {
    const h = await startHeadlessCore({ env: { ...noProxyEnv, ...extraEnv }, resolveProxy });
    cores.push(h);
    return h;
  };

  /** Uploads `bytes` random bytes to `folder` of the bucket and downloads them again; answers both files' SHA-256. */
  async function roundTrip(h: HeadlessCore, id: string, name: string, bytes: number): Promise<{ sent: string; got: string }> {
    const call = coreClient(h.core);
    const local = join(work.path, name);
    await writeFile(local, randomBytes(bytes));
    const [up] = await call('transfers:upload', { connectionId: id, localPaths: [local], remoteFolder: `/${bucket}/` });
    expect((await waitFor(h.core, up!.id, (t) => t.state === 'completed' || t.state === 'failed')).state).toBe('completed');
    const into = join(work.path, `back-${name}`);
    await mkdir(into);
    const [down] = await call('transfers:download', { connectionId: id, remotePaths: [`/${bucket}/${name}`], localFolder: into });
    const done = await waitFor(h.core, down!.id, (t) => t.state === 'completed' || t.state === 'failed');
    expect(done.error ?? '').toBe('');
    return { sent: await sha256File(local), got: await sha256File(join(into, name)) };
  }

  beforeAll(async () => {
    work = await makeTempDir('net');
    proxy = await startConnectProxy();
    await createBucketWith(s3, bucket, { 'hello.txt': 'hello over TLS' });
  });
  afterAll(async () => {
    for (const h of cores) await h.dispose();
    await proxy?.close();
    await removeBucket(s3, bucket).catch(() => undefined);
    await work?.remove();
  });

  it("connects over HTTPS with the connection's CA file, lists, and uploads and downloads byte-identical (single and multipart)", async () => {
    const h = await core();
    const id = await connectWith(h.core, tlsDraft(caFile));
    const listed = await coreClient(h.core)('fs:list', { connectionId: id, path: `/${bucket}/` });
    expect(listed.entries.map((e) => e.name)).toContain('hello.txt');
    const small = await roundTrip(h, id, 'tls-small.bin', 300 * 1024);
    expect(small.got).toBe(small.sent);
    const large = await roundTrip(h, id, 'tls-large.bin', 20 * MiB);
    expect(large.got).toBe(large.sent);
    expect(proxy.tunnels).toEqual([]);
  });

  it('without the CA file, the connection fails with a sentence that says to name it; a bad CA file is said plainly', async () => {
    const h = await core();
    const call = coreClient(h.core);
    const untrusted = await call('connections:save', { draft: tlsDraft() });
    expect(await failureOf(call('connections:connect', { id: untrusted.id }))).toEqual({
      kind: 'network',
      code: 'coreNet:tlsUntrusted',
      message: "The server's certificate is not trusted: it is self-signed, or signed by a certificate authority this computer does not know. If the server uses a private CA, name its certificate (a PEM file) as the connection's CA certificate file.",
    });

    const missing = join(work.path, 'no-such-ca.pem');
    const withMissing = await call('connections:save', { draft: tlsDraft(missing) });
    expect(await failureOf(call('connections:connect', { id: withMissing.id }))).toEqual({
      kind: 'notFound',
      code: 'coreNet:caFileMissing',
      params: { path: missing },
      message: `The CA certificate file ${missing} does not exist. Choose the file again in the connection's settings.`,
    });

    const notPem = join(work.path, 'not-a-ca.pem');
    await writeFile(notPem, 'just some text\n');
    const withText = await call('connections:save', { draft: tlsDraft(notPem) });
    expect(await failureOf(call('connections:connect', { id: withText.id }))).toMatchObject({ kind: 'invalidInput', code: 'coreNet:caFileNotPem', params: { path: notPem } });
  });

  it("sends S3 traffic through HTTPS_PROXY from the core's environment (TLS inside the tunnel), and NO_PROXY=127.0.0.1 bypasses it", async () => {
    const before = proxy.tunnels.length;
    const via = await core({ HTTPS_PROXY: proxy.url });
    const id = await connectWith(via.core, tlsDraft(caFile));
    const downBefore = proxy.bytes.down;
    const trip = await roundTrip(via, id, 'proxied.bin', 20 * MiB);
    expect(trip.got).toBe(trip.sent);
    const opened = proxy.tunnels.slice(before);
    expect(opened.length).toBeGreaterThan(0);
    expect(new Set(opened)).toEqual(new Set([`127.0.0.1:${tlsPort}`]));
    expect(proxy.bytes.down - downBefore).toBeGreaterThan(20 * MiB);

    const counted = proxy.tunnels.length;
    const bypass = await core({ HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    const direct = await connectWith(bypass.core, tlsDraft(caFile));
    expect(await roundTrip(bypass, direct, 'bypassed.bin', 64 * 1024)).toMatchObject({ got: expect.any(String) });
    expect(proxy.tunnels.length).toBe(counted);
  });

  it('takes a plain-HTTP endpoint through HTTP_PROXY too: the fast paths (small PUT, ranged GETs) step aside', async () => {
    const before = { tunnels: proxy.tunnels.length, ...proxy.bytes };
    const via = await core({ HTTP_PROXY: proxy.url });
    const id = await connectWith(via.core, s3Draft(env));
    const small = await roundTrip(via, id, 'plain-small.bin', 2 * MiB);
    expect(small.got).toBe(small.sent);
    expect(proxy.bytes.up - before.up).toBeGreaterThan(2 * MiB);
    const large = await roundTrip(via, id, 'plain-large.bin', 20 * MiB);
    expect(large.got).toBe(large.sent);
    expect(proxy.bytes.down - before.down).toBeGreaterThan(22 * MiB);
    expect(new Set(proxy.tunnels.slice(before.tunnels))).toEqual(new Set([`127.0.0.1:${plainPort}`]));
  });

  it("honours the host's resolveProxy answer (main's session.resolveProxy) where the environment names no proxy", async () => {
    const asked: string[] = [];
    const before = proxy.tunnels.length;
    const h = await core({}, async (url) => (asked.push(url), `PROXY 127.0.0.1:${proxy.port}; DIRECT`));
    const id = await connectWith(h.core, tlsDraft(caFile));
    const listed = await coreClient(h.core)('fs:list', { connectionId: id, path: `/${bucket}/` });
    expect(listed.entries.map((e) => e.name)).toContain('hello.txt');
    expect(asked).toContain(`https://127.0.0.1:${tlsPort}/`);
    expect(proxy.tunnels.length).toBeGreaterThan(before);

    const counted = proxy.tunnels.length;
    const directly = await core({}, async () => 'DIRECT');
    await connectWith(directly.core, tlsDraft(caFile));
    expect(proxy.tunnels.length).toBe(counted);
  });

  /** The app's core process (bundled as the build does), hosted as main hosts it, on a fresh data folder. */
  let bundle: Promise<string> | undefined;
  async function coreProcess(name: string, processEnv: NodeJS.ProcessEnv, resolveProxy?: (url: string) => Promise<string>) {
    const module = join(work.path, 'coreProcess.cjs');
    bundle ??= build({ ...nodeBundleOptions, entryPoints: ['electron/core/process/coreProcess.ts'], target: 'node20', outfile: module, logLevel: 'warning' }).then(() => module);
    const home = join(work.path, `${name}-home`);
    await mkdir(home);
    const bundled = await bundle;
    return startRemoteCore(() => forkCoreProcess(bundled, { ...processEnv, HOME: home }), {
      setup: { dataDir: join(work.path, `${name}-data`), homeDir: home, appVersion: '0.0.0-test', platform: process.platform },
      secretBox: createHeadlessSecretBox(),
      dialogs: { chooseFolder: async () => null },
      ...(resolveProxy ? { resolveProxy } : {}),
    });
  }

  it("asks main over the core process's pipe, as the app does", async () => {
    const asked: string[] = [];
    const before = proxy.tunnels.length;
    const remote = await coreProcess('pipe', noProxyEnv, async (url) => (asked.push(url), `PROXY 127.0.0.1:${proxy.port}`));
    try {
      const id = await connectWith(remote, tlsDraft(caFile));
      const listed = await coreClient(remote)('fs:list', { connectionId: id, path: `/${bucket}/` });
      expect(listed.entries.map((e) => e.name)).toContain('hello.txt');
      expect(asked).toContain(`https://127.0.0.1:${tlsPort}/`);
      expect(proxy.tunnels.length).toBeGreaterThan(before);
    } finally {
      await remote.shutdown();
    }
  });

  // On Linux, OpenSSL's SSL_CERT_FILE names the system store Node 22 reads (as Electron 45's
  // Node does): the private CA put there stands for a company CA that IT installed. Node 20
  // cannot read the OS store; there the machine-wide NODE_EXTRA_CA_CERTS is what is trusted.
  it(`trusts a CA installed for the whole machine: ${readsSystemStore ? 'the OS certificate store' : 'NODE_EXTRA_CA_CERTS (Node 20 reads no OS store)'}, with no CA file`, async () => {
    const emptyDir = join(work.path, 'empty-cert-dir');
    await mkdir(emptyDir, { recursive: true });
    const machineWide = readsSystemStore ? { SSL_CERT_FILE: caFile, SSL_CERT_DIR: emptyDir } : { NODE_EXTRA_CA_CERTS: caFile };
    const remote = await coreProcess('system-store', { ...noProxyEnv, ...machineWide });
    try {
      const id = await connectWith(remote, tlsDraft());
      const listed = await coreClient(remote)('fs:list', { connectionId: id, path: `/${bucket}/` });
      expect(listed.entries.map((e) => e.name)).toContain('hello.txt');
    } finally {
      await remote.shutdown();
    }
  });

  it('connects SFTP through the CONNECT proxy to the real sshd, and transfers byte-identical', async () => {
    const before = proxy.tunnels.length;
    const h = await core({ HTTPS_PROXY: proxy.url });
    const call = coreClient(h.core);
    const saved = await call('connections:save', {
      draft: { protocol: 'sftp', name: 'sshd via proxy', host: env.sftp.host, port: env.sftp.port, username: env.sftp.username, rememberSecret: true, auth: { kind: 'password', password: env.sftp.password } },
    });
    let outcome = await call('connections:connect', { id: saved.id });
    if (outcome.state === 'hostKeyPrompt') outcome = await call('connections:answerHostKey', { promptId: outcome.prompt.promptId, decision: 'trustOnce' });
    expect(outcome).toMatchObject({ state: 'connected', homePath: env.sftp.home });
    expect(proxy.tunnels.slice(before)).toContain(`${env.sftp.host}:${env.sftp.port}`);

    const name = `via-proxy-${randomBytes(4).toString('hex')}.bin`;
    const local = join(work.path, name);
    await writeFile(local, randomBytes(3 * MiB));
    const [up] = await call('transfers:upload', { connectionId: saved.id, localPaths: [local], remoteFolder: env.sftp.home });
    expect((await waitFor(h.core, up!.id, (t) => t.state === 'completed' || t.state === 'failed')).state).toBe('completed');
    const into = join(work.path, 'sftp-back');
    await mkdir(into);
    const [down] = await call('transfers:download', { connectionId: saved.id, remotePaths: [`${env.sftp.home}/${name}`], localFolder: into });
    expect((await waitFor(h.core, down!.id, (t) => t.state === 'completed' || t.state === 'failed')).state).toBe('completed');
    expect(await sha256File(join(into, name))).toBe(await sha256File(local));
    await call('fs:delete', { connectionId: saved.id, paths: [`${env.sftp.home}/${name}`] }).catch(() => undefined);
  });
});

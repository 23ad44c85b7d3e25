import { execFile, spawn } from 'node:child_process';
import { detailText } from '../../shared/transfers.js';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/createCore.js';
import { coreClient } from '../support/coreClient.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectS3, coreOn, MiB, sha256File, waitFor } from './transferSupport.js';

const run = promisify(execFile);
const env = readTestbedEnv();
// Our own RGW, never the shared one: this test kills its gateway mid-transfer.
const RGW_PORT = 7581;
const MON_PORT = 40881;
const endpoint = `http://127.0.0.1:${RGW_PORT}`;
const script = 'tests/servers/s3-rgw.sh';

async function gatewayAnswers(): Promise<boolean> {
  return fetch(endpoint).then(
    async (r) => (await r.arrayBuffer(), true),
    () => false,
  );
}

async function until(what: string, test: () => Promise<boolean>, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('retries with backoff when the S3 server stops and starts mid-transfer', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let rgwDir: string;
  let core: Core;
  let s3: S3Client;

  beforeAll(async () => {
    dir = await makeTempDir('xfer-retry');
    rgwDir = join(dir.path, 'rgw');
    await run('bash', [script, 'start', rgwDir], { env: { ...process.env, RGW_PORT: String(RGW_PORT), MON_PORT: String(MON_PORT), MEMSTORE_BYTES: String(512 * MiB) } });
    core = await coreOn(join(dir.path, 'data'), dir.path);
    s3 = new S3Client({
      endpoint,
      region: env.s3.region,
      forcePathStyle: true,
      credentials: { accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey },
    });
  }, 180_000);
  afterAll(async () => {
    await core?.shutdown();
    await run('bash', [script, 'stop', rgwDir]).catch(() => undefined);
    await dir.remove();
  });

  it('keeps going after the gateway is killed and started again, and the object is intact', async () => {
    const call = coreClient(core);
    const id = await connectS3(core, env, endpoint);
    await call('fs:mkdir', { connectionId: id, parentPath: '/', name: 'retry' }).catch(async () => {
      const { CreateBucketCommand } = await import('@aws-sdk/client-s3');
      await s3.send(new CreateBucketCommand({ Bucket: 'retry' }));
    });
    const file = join(dir.path, 'payload.bin');
    await writeFile(file, randomBytes(40 * MiB + 11));
    await call('transfers:setSettings', { changes: { uploadLimit: 10 * MiB } });
    const [t] = await call('transfers:upload', { connectionId: id, localPaths: [file], remoteFolder: '/retry/' });
    await waitFor(core, t!.id, (x) => x.bytesDone >= 10 * MiB);

    const pid = (await readFile(join(rgwDir, 'client.rgw.pid'), 'utf8')).trim();
    process.kill(Number(pid), 'SIGKILL');
    await until('the gateway to go away', async () => !(await gatewayAnswers()));
    const retrying = await waitFor(core, t!.id, (x) => x.retries !== undefined && x.retries > 0, 60_000);
    expect(retrying.state).toBe('running');
    expect(detailText(retrying)).toMatch(/Retrying in \d+ s/);

    const again = spawn('radosgw', ['-n', 'client.rgw'], { env: { ...process.env, CEPH_CONF: join(rgwDir, 'ceph.conf') }, stdio: 'ignore' });
    await new Promise((r) => again.on('exit', r)); // radosgw daemonizes
    await until('the gateway to answer again', gatewayAnswers);
    await call('transfers:setSettings', { changes: { uploadLimit: 0 } });

    const done = await waitFor(core, t!.id, (x) => x.state === 'completed' || x.state === 'failed', 120_000);
    expect(done.error).toBeUndefined();
    expect(detailText(done)).toMatch(/Completed after \d+ automatic retr/);
    expect(await s3.send(new ListMultipartUploadsCommand({ Bucket: 'retry' })).then((r) => r.Uploads ?? [])).toEqual([]);

    const into = join(dir.path, 'back');
    await mkdir(into);
    const [d] = await call('transfers:download', { connectionId: id, remotePaths: ['/retry/payload.bin'], localFolder: into });
    await waitFor(core, d!.id, (x) => x.state === 'completed');
    expect(await sha256File(join(into, 'payload.bin'))).toBe(await sha256File(file));
  }, 240_000);
});

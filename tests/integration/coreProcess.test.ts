// The core in a process of its own, as the app runs it (main starts it as a utility
// process; here Node's fork plays that part with the same bundle and V8 flags).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { build } from 'esbuild';
import { nodeBundleOptions } from '../../electron/nodeBundle.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel } from '../../shared/channels.js';
import type { SecretBox } from '../../electron/core/host.js';
import { coreProcessV8Flags } from '../../electron/core/process/coreProtocol.js';
import { forkCoreProcess } from '../support/forkCoreProcess.js';
import { startRemoteCore, type RemoteCore } from '../../electron/main/remoteCore.js';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { s3Draft } from './transferSupport.js';

const env = readTestbedEnv();

/** The headless box, counting what main is asked to seal and open. */
function countingBox() {
  const inner = createHeadlessSecretBox();
  const counts = { encrypt: 0, decrypt: 0 };
  const box: SecretBox = {
    strong: inner.strong,
    backend: inner.backend,
    encrypt: (plain) => (counts.encrypt++, inner.encrypt(plain)),
    decrypt: (sealed) => (counts.decrypt++, inner.decrypt(sealed)),
  };
  return { box, counts };
}

describe('the core process, driven like main drives it, against the real RGW', () => {
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let coreModule: string;
  let dataDir: string;
  let s3: S3Client;
  const bucket = uniqueBucketName('core-process');
  const { box, counts } = countingBox();
  const folderAnswers: (string | null)[] = [];
  const pids: (number | undefined)[] = [];
  let core: RemoteCore | undefined;

  const start = () =>
    startRemoteCore(
      () => {
        const child = forkCoreProcess(coreModule, { ...process.env, HOME: work.path });
        pids.push(child.pid);
        return child;
      },
      { setup: { dataDir, homeDir: work.path, appVersion: '0.0.0-test', platform: process.platform }, secretBox: box, dialogs: { chooseFolder: async () => folderAnswers.shift() ?? null } },
    );

  beforeAll(async () => {
    work = await makeTempDir('core-process');
    dataDir = join(work.path, 'data');
    coreModule = join(work.path, 'coreProcess.cjs');
    await build({ ...nodeBundleOptions, entryPoints: ['electron/core/process/coreProcess.ts'], target: 'node20', outfile: coreModule, logLevel: 'warning' });
    s3 = testS3Client(env);
    await createBucketWith(s3, bucket, { 'hello.txt': 'hello from RGW' });
  });
  afterAll(async () => {
    await core?.shutdown();
    await removeBucket(s3, bucket).catch(() => undefined);
    await work?.remove();
  });

  it('runs with the app\'s V8 flags, saves a connection with the secret sealed by main, browses, and forwards transfer events', async () => {
    core = await start();
    const cmdline = (await readFile(`/proc/${pids[0]}/cmdline`, 'utf8')).split('\0');
    expect(cmdline).toEqual(expect.arrayContaining(coreProcessV8Flags));
    const call = coreClient(core);
    const saved = await call('connections:save', { draft: s3Draft(env) });
    expect(counts.encrypt).toBe(1);
    const onDisk = await readFile(join(dataDir, 'connections.json'), 'utf8');
    expect(onDisk).not.toContain(env.s3.secretAccessKey);
    expect((await call('connections:connect', { id: saved.id })).state).toBe('connected');
    const listed = await call('fs:list', { connectionId: saved.id, path: `/${bucket}/` });
    expect(listed.entries.map((e) => e.name)).toContain('hello.txt');

    const seen = new Set<EventChannel>();
    core.events.subscribe((channel) => seen.add(channel));
    const local = join(work.path, 'up.txt');
    await writeFile(local, 'sent through the core process');
    const [job] = await call('transfers:upload', { connectionId: saved.id, localPaths: [local], remoteFolder: `/${bucket}/` });
    for (let i = 0; i < 200; i++) {
      const jobs = await call('transfers:list', {});
      if (jobs.find((t) => t.id === job!.id)?.state === 'completed') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(seen.has('transfers:changed')).toBe(true);
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'up.txt' }));
    expect(await got.Body!.transformToString()).toBe('sent through the core process');
  });

  it('asks main for native dialogs', async () => {
    folderAnswers.push('/chosen/by/the/user');
    expect(await coreClient(core!)('dialog:chooseFolder', { title: 'Pick' })).toBe('/chosen/by/the/user');
  });

  it('answers an invalid request with a clear message and stays usable', async () => {
    const failure = await failureOf(coreClient(core!)('transfers:pause', { ids: 'all of them' } as never));
    expect(failure.kind).toBe('invalidInput');
    expect(await coreClient(core!)('transfers:list', {})).toHaveLength(1);
  });

  it('opens the saved secret through main after a restart, and connects', async () => {
    await core!.shutdown();
    const before = counts.decrypt;
    core = await start();
    expect(counts.decrypt).toBe(before + 1);
    const call = coreClient(core);
    const [saved] = await call('connections:list', {});
    expect((await call('connections:connect', { id: saved!.id })).state).toBe('connected');
  });

  it('fails calls in flight with a sentence when the process dies, starts a new one, and announces the queue again', async () => {
    const call = coreClient(core!);
    const died = pids.at(-1)!;
    const announced: string[] = [];
    core!.events.subscribe((channel, payload) => {
      if (channel === 'transfers:changed') announced.push((payload as { name: string }).name);
    });
    // SIGSTOP holds the call unanswered while the process is killed: it is in flight for sure.
    process.kill(died, 'SIGSTOP');
    const inFlight = failureOf(call('transfers:list', {}));
    await new Promise((r) => setTimeout(r, 100));
    process.kill(died, 'SIGKILL');
    const failure = await inFlight;
    expect(failure.message).toMatch(/core process stopped unexpectedly/);
    let connections: unknown[] = [];
    for (let i = 0; i < 100 && connections.length === 0; i++) {
      connections = await call('connections:list', {}).catch(() => []);
      if (connections.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(connections).toHaveLength(1);
    expect(pids.at(-1)).not.toBe(died);
    // The upload of the first test is still in the restored queue: every window hears of it again.
    await expect.poll(() => announced).toContain('up.txt');
  });
});

// One Stowage transfer in its own process, so its peak RSS and CPU are measured alone.
// Usage: node <the esbuild bundle of this file> <job.json>; prints one JSON line.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core/createCore.js';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { coreClient } from '../support/coreClient.js';

export interface WorkerJob {
  kind: 's3' | 'sftp';
  direction: 'upload' | 'download';
  /** Local files/folders to upload, or remote paths to download. */
  sources: string[];
  /** Remote folder for uploads, local folder for downloads. */
  target: string;
  s3?: { endpoint: string; accessKeyId: string; secretAccessKey: string; region: string };
  sftp?: { host: string; port: number; username: string; keyPath: string };
  /** Resume test: stop the core when this fraction is done, start another, resume. */
  interruptAt?: number;
  dataDir?: string;
}

const secretBox = createHeadlessSecretBox();

async function startCore(dataDir: string): Promise<Core> {
  return createCore({ dataDir, homeDir: dataDir, appVersion: 'bench', platform: process.platform, secretBox, env: { ...process.env, HOME: dataDir }, dialogs: { chooseFolder: async () => null } });
}

async function connect(core: Core, job: WorkerJob, existing?: string): Promise<string> {
  const call = coreClient(core);
  let id = existing;
  if (!id) {
    const draft =
      job.kind === 's3'
        ? { protocol: 's3' as const, name: 'bench', endpoint: { kind: 'custom' as const, url: job.s3!.endpoint }, region: job.s3!.region, forcePathStyle: true, rememberSecret: true, auth: { kind: 'keys' as const, accessKeyId: job.s3!.accessKeyId, secretAccessKey: job.s3!.secretAccessKey } }
        : { protocol: 'sftp' as const, name: 'bench', host: job.sftp!.host, port: job.sftp!.port, username: job.sftp!.username, rememberSecret: false, auth: { kind: 'key' as const, keyPath: job.sftp!.keyPath } };
    id = (await call('connections:save', { draft })).id;
  }
  let outcome = await call('connections:connect', { id });
  if (outcome.state === 'hostKeyPrompt') outcome = await call('connections:answerHostKey', { promptId: outcome.prompt.promptId, decision: 'trustOnce' });
  if (outcome.state !== 'connected') throw new Error(`not connected: ${JSON.stringify(outcome)}`);
  return id;
}

async function start(core: Core, id: string, job: WorkerJob) {
  const call = coreClient(core);
  await call('transfers:setSettings', { changes: { conflictPolicy: 'overwrite' } });
  return job.direction === 'upload'
    ? call('transfers:upload', { connectionId: id, localPaths: job.sources, remoteFolder: job.target })
    : call('transfers:download', { connectionId: id, remotePaths: job.sources, localFolder: job.target });
}

function failures(core: Core): string[] {
  return core.transfers.list().filter((t) => t.state !== 'completed').map((t) => `${t.name}: ${t.state} ${t.error?.message ?? ''}`);
}

async function main() {
  const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as WorkerJob;
  const dataDir = job.dataDir ?? (await mkdtemp(join(tmpdir(), 'stowage-bench-')));
  let core = await startCore(dataDir);
  const id = await connect(core, job);
  const began = performance.now();
  const started = await start(core, id, job);
  let resentFraction: number | undefined;
  if (job.interruptAt !== undefined) {
    const t = started[0]!;
    const size = t.size!;
    while ((core.transfers.list()[0]?.bytesDone ?? 0) < size * job.interruptAt) await new Promise((r) => setTimeout(r, 5));
    await core.shutdown(); // as if the app quit mid-transfer: checkpoints stay on disk
    core = await startCore(dataDir);
    await connect(core, job, id);
    await coreClient(core)('transfers:resume', { ids: [t.id] });
    let first: number | undefined;
    const off = core.events.subscribe((channel, payload) => {
      if (channel === 'transfers:progress' && first === undefined) first = (payload as { bytesDone: number }[])[0]?.bytesDone;
    });
    await core.transfers.whenIdle();
    off();
    // Bytes the resumed run had to send: everything past what the server confirmed.
    resentFraction = first === undefined ? 1 : (size - first) / size;
  }
  await core.transfers.whenIdle();
  const seconds = (performance.now() - began) / 1000;
  const failed = failures(core);
  await core.shutdown();
  if (!job.dataDir) await rm(dataDir, { recursive: true, force: true });
  const usage = process.resourceUsage();
  console.log(JSON.stringify({ seconds, peakRssMiB: usage.maxRSS / 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, resentFraction, failed }));
  process.exit(failed.length ? 1 : 0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});

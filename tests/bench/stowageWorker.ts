// One Stowage transfer, run as the app runs it: this lean driver plays main and starts the
// core process (electron/core/process/coreProcess.ts, as electron/build.mjs builds it, with
// the V8 flags main gives the app's utility process), so the time, peak RSS and CPU measured
// around this process are those of starting the core, connecting and transferring, as
// `aws s3 cp` starts, connects and transfers. A job with no sources only starts and connects:
// the start-up the benchmark subtracts for the transfer-only time.
// Usage: node <the esbuild bundle of this file> <job.json>; prints one JSON line.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finishedStates, type TransferProgress, type TransferSnapshot } from '../../shared/transfers.js';
import { utilityProcessExecArgv } from '../../electron/core/process/coreProtocol.js';
import { forkCoreProcess } from '../support/forkCoreProcess.js';
import { startRemoteCore, type RemoteCore } from '../../electron/main/remoteCore.js';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { coreClient } from '../support/coreClient.js';

export interface WorkerJob {
  kind: 's3' | 'sftp';
  direction: 'upload' | 'download';
  /** Local files/folders to upload, or remote paths to download. */
  sources: string[];
  /** Remote folder for uploads, local folder for downloads. */
  target: string;
  /** The bundled core process entry. */
  coreModule: string;
  /** `caFile`: the private CA the connection trusts, as a user names it in the connection dialog. */
  s3?: { endpoint: string; accessKeyId: string; secretAccessKey: string; region: string; caFile?: string };
  sftp?: { host: string; port: number; username: string; keyPath: string };
  /** Resume test: stop the core when this fraction is done, start another, resume. */
  interruptAt?: number;
  dataDir?: string;
}

const secretBox = createHeadlessSecretBox();

/**
 * Fails unless the forked core runs with exactly the V8 flags the app gives its utility
 * process (`--js-flags=...` in electron/main/coreProcess.ts), read from its command line.
 */
function checkAppV8Flags(pid: number | undefined): void {
  const appFlags = utilityProcessExecArgv.flatMap((arg) => (arg.startsWith('--js-flags=') ? arg.slice('--js-flags='.length).split(' ') : []));
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(1);
  const v8Flags = args.slice(0, args.findIndex((a) => !a.startsWith('--')));
  if (appFlags.join(' ') !== v8Flags.join(' ')) throw new Error(`the core runs with ${JSON.stringify(v8Flags)}, the app with ${JSON.stringify(appFlags)}`);
}

function startCore(job: WorkerJob, dataDir: string): Promise<RemoteCore> {
  return startRemoteCore(() => {
    const child = forkCoreProcess(job.coreModule, { ...process.env, HOME: dataDir });
    if (process.platform === 'linux') checkAppV8Flags(child.pid);
    return child;
  }, {
    setup: { dataDir, homeDir: dataDir, appVersion: 'bench', platform: process.platform },
    secretBox,
    dialogs: { chooseFolder: async () => null },
  });
}

async function connect(core: RemoteCore, job: WorkerJob, existing?: string): Promise<string> {
  const call = coreClient(core);
  let id = existing;
  if (!id) {
    const draft =
      job.kind === 's3'
        ? { protocol: 's3' as const, name: 'bench', endpoint: { kind: 'custom' as const, url: job.s3!.endpoint }, region: job.s3!.region, forcePathStyle: true, rememberSecret: true, auth: { kind: 'keys' as const, accessKeyId: job.s3!.accessKeyId, secretAccessKey: job.s3!.secretAccessKey }, ...(job.s3!.caFile && { caFile: job.s3!.caFile }) }
        : { protocol: 'sftp' as const, name: 'bench', host: job.sftp!.host, port: job.sftp!.port, username: job.sftp!.username, rememberSecret: false, auth: { kind: 'key' as const, keyPath: job.sftp!.keyPath } };
    id = (await call('connections:save', { draft })).id;
  }
  let outcome = await call('connections:connect', { id });
  if (outcome.state === 'hostKeyPrompt') outcome = await call('connections:answerHostKey', { promptId: outcome.prompt.promptId, decision: 'trustOnce' });
  if (outcome.state !== 'connected') throw new Error(`not connected: ${JSON.stringify(outcome)}`);
  return id;
}

async function start(core: RemoteCore, id: string, job: WorkerJob) {
  const call = coreClient(core);
  await call('transfers:setSettings', { changes: { conflictPolicy: 'overwrite' } });
  return job.direction === 'upload'
    ? call('transfers:upload', { connectionId: id, localPaths: job.sources, remoteFolder: job.target })
    : call('transfers:download', { connectionId: id, remotePaths: job.sources, localFolder: job.target });
}

/**
 * The transfers' progress and final states, from the core's events: asking for the whole
 * list instead would cost the core a copy of 2,000 transfers every time.
 */
function watch(core: RemoteCore) {
  const bytesDone = new Map<string, number>();
  const finished = new Map<string, TransferSnapshot>();
  // Checked on every event, not polled: a poll over 2,000 ids every few ms was a tenth of the CPU of a small-files run.
  const waiters = new Set<() => void>();
  core.events.subscribe((channel, payload) => {
    if (channel === 'transfers:progress') for (const p of payload as TransferProgress[]) bytesDone.set(p.id, p.bytesDone);
    if (channel === 'transfers:changed') {
      const s = payload as TransferSnapshot;
      if (finishedStates.includes(s.state)) finished.set(s.id, s);
      else finished.delete(s.id);
    }
    for (const check of waiters) check();
  });
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!done()) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  return {
    bytesDone,
    /** Resolves with the final snapshots once every one of `ids` has finished. */
    async allFinished(ids: string[]): Promise<TransferSnapshot[]> {
      const pending = new Set(ids);
      await until(() => {
        for (const id of pending) {
          if (!finished.has(id)) return false;
          pending.delete(id);
        }
        return true;
      });
      return ids.map((id) => finished.get(id)!);
    },
    until,
  };
}

async function main() {
  const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as WorkerJob;
  const dataDir = job.dataDir ?? (await mkdtemp(join(tmpdir(), 'stowage-bench-')));
  let core = await startCore(job, dataDir);
  const id = await connect(core, job);
  if (job.sources.length === 0) {
    await core.shutdown();
    if (!job.dataDir) await rm(dataDir, { recursive: true, force: true });
    console.log(JSON.stringify({ seconds: 0, failed: [] }));
    process.exit(0);
  }
  let watched = watch(core);
  const began = performance.now();
  const started = await start(core, id, job);
  let resentFraction: number | undefined;
  if (job.interruptAt !== undefined) {
    const t = started[0]!;
    const size = t.size!;
    await watched.until(() => (watched.bytesDone.get(t.id) ?? 0) >= size * job.interruptAt!);
    await core.shutdown(); // as if the app quit mid-transfer: checkpoints stay on disk
    core = await startCore(job, dataDir);
    await connect(core, job, id);
    watched = watch(core);
    let first: number | undefined;
    const off = core.events.subscribe((channel, payload) => {
      if (channel === 'transfers:progress' && first === undefined) first = (payload as { bytesDone: number }[])[0]?.bytesDone;
    });
    await coreClient(core)('transfers:resume', { ids: [t.id] });
    await watched.allFinished([t.id]);
    off();
    // Bytes the resumed run had to send: everything past what the server confirmed.
    resentFraction = first === undefined ? 1 : (size - first) / size;
  }
  const jobs = await watched.allFinished(started.map((t) => t.id));
  const seconds = (performance.now() - began) / 1000;
  const failed = jobs.filter((t) => t.state !== 'completed').map((t) => `${t.name}: ${t.state} ${t.error?.message ?? ''}`);
  await core.shutdown();
  if (!job.dataDir) await rm(dataDir, { recursive: true, force: true });
  console.log(JSON.stringify({ seconds, resentFraction, failed }));
  process.exit(failed.length ? 1 : 0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});

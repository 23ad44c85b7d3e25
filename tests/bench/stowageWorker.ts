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
import type { RemoteCore } from '../../electron/main/remoteCore.js';
import { coreClient } from '../support/coreClient.js';
import { connect, startCore, watch, type CoreEntry, type DriverConnection } from './coreDriver.js';

export interface WorkerJob extends DriverConnection, CoreEntry {
  direction: 'upload' | 'download';
  /** Local files/folders to upload, or remote paths to download. */
  sources: string[];
  /** Remote folder for uploads, local folder for downloads. */
  target: string;
  /** Resume test: stop the core when this fraction is done, start another, resume. */
  interruptAt?: number;
  dataDir?: string;
}

async function start(core: RemoteCore, id: string, job: WorkerJob) {
  const call = coreClient(core);
  await call('transfers:setSettings', { changes: { conflictPolicy: 'overwrite' } });
  return job.direction === 'upload'
    ? call('transfers:upload', { connectionId: id, localPaths: job.sources, remoteFolder: job.target })
    : call('transfers:download', { connectionId: id, remotePaths: job.sources, localFolder: job.target });
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

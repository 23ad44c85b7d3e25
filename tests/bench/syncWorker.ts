// One Stowage folder sync, run as the app runs it: this driver plays main, starts the core
// process, connects, compares (sync:plan) and runs every planned action (sync:run), waiting
// for the transfers it queued. The process's whole time is what the benchmark compares.
// Usage: node <the esbuild bundle of this file> <job.json>; prints one JSON line.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreClient } from '../support/coreClient.js';
import { connect, startCore, watch, type CoreEntry, type DriverConnection } from './coreDriver.js';

export interface SyncWorkerJob extends DriverConnection, CoreEntry {
  localPath: string;
  remotePath: string;
  deleteExtras: boolean;
}

async function main() {
  const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as SyncWorkerJob;
  const dataDir = await mkdtemp(join(tmpdir(), 'stowage-bench-sync-'));
  const core = await startCore(job, dataDir);
  const call = coreClient(core);
  const connectionId = await connect(core, job);
  const watched = watch(core);
  // Requests from here on are the sync's own (the benchmark's relay counts them by time).
  const planStartedAt = Date.now();
  const began = performance.now();
  const plan = await call('sync:plan', {
    pair: { name: 'bench', localPath: job.localPath, connectionId, remotePath: job.remotePath, direction: 'upload', deleteExtras: job.deleteExtras, excludes: [] },
  });
  const planSeconds = (performance.now() - began) / 1000;
  const deletes = plan.totals.files.delete;
  const result = await call('sync:run', { planId: plan.planId, skip: [], confirmDeletes: deletes > 0 ? deletes : undefined });
  const jobs = await watched.allFinished(result.transferIds);
  const seconds = (performance.now() - began) / 1000;
  const failed = jobs.filter((t) => t.state !== 'completed').map((t) => `${t.name}: ${t.state} ${t.error?.message ?? ''}`);
  await core.shutdown();
  await rm(dataDir, { recursive: true, force: true });
  console.log(JSON.stringify({ seconds, planSeconds, planStartedAt, planRequests: plan.requests, files: plan.totals.files, deleted: result.deleted, failed }));
  process.exit(failed.length || result.failedDeletes ? 1 : 0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});

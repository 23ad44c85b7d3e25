// The folder sync benchmark: a local folder of SYNC_FILES files (1-64 KiB, in 100 folders)
// synced to an empty S3 prefix, again after 100 files changed, 50 added and 20 deleted, and
// once more with nothing changed; Stowage (its core process as the app builds it, driven by
// tests/bench/syncWorker.ts) against `aws s3 sync --delete` and `rclone sync` on the same
// data in the same run, whole-process times, median of RUNS.
//   npm run bench:sync
// Env:
//   RUNS=3            runs per tool (the median is reported)
//   SYNC_FILES=10000  files in the folder (in 100 folders)
//   BENCH_NO_INSTALL=1  never apt-get install a missing peer: print the line to run instead
// Each tool syncs its own copy of the folder into its own prefix, and every copy gets the
// same changes. After each Stowage run the prefix must equal the folder (keys, sizes,
// sha256): syncCorrect. Stowage's no-change run goes through a counting relay
// (tests/support/countingS3Relay.ts): syncNoopRequests is every request from its compare on
// (the connect before it is not the sync's). Starts its own RGW (memstore, HTTP on 7681)
// and stops it at the end, and refuses to start while another benchmark's RGW runs there.
// The last line printed is one JSON object; ratios are the peer's time over Stowage's.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startCountingS3Relay, type CountingS3Relay } from '../support/countingS3Relay.js';
import { emptyPrefix, removeBucket } from '../support/s3Fixtures.js';
import { localDigest, s3Digest, sortedDigest } from '../support/syncTrees.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { buildAppCore, bundleDriver } from './appBuild.js';
import { awsCliPeer, findPeers, measure, median, peerVersion, rclonePeer, type Measured } from './benchPeers.js';
import { startPrivateRgw, stopPrivateRgw } from './privateRgw.js';
import { s3PeerEnv } from './s3PeerEnv.js';
import type { SyncWorkerJob } from './syncWorker.js';

const RUNS = Number(process.env.RUNS ?? 3);
const FILES = Number(process.env.SYNC_FILES ?? 10_000);
const FOLDERS = 100;
const CHANGED = 100;
const ADDED = 50;
const DELETED = 20;
const RGW_PORT = 7681;
const MON_PORT = 40981;
const KiB = 1024;
const MiB = 1024 * KiB;
const testbed = readTestbedEnv();
const creds = { accessKeyId: testbed.s3.accessKeyId, secretAccessKey: testbed.s3.secretAccessKey, region: testbed.s3.region };
const log = (line: string) => console.error(line);
const tools = ['stowage', 'awscli', 'rclone'] as const;
type ToolName = (typeof tools)[number];
const stages = ['initial', 'changed', 'noop'] as const;
type Stage = (typeof stages)[number];

/** A small deterministic generator: every run and every tool sees the same sizes and choices. */
function seeded(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const fileSize = (random: () => number) => 1 * KiB + Math.floor(random() * 63 * KiB);

async function makeFolder(root: string): Promise<void> {
  const random = seeded(7);
  for (let f = 0; f < FOLDERS; f++) await mkdir(join(root, `dir-${String(f).padStart(3, '0')}`), { recursive: true });
  for (let n = 0; n < FILES; n++) {
    await writeFile(join(root, `dir-${String(n % FOLDERS).padStart(3, '0')}`, `file-${String(n).padStart(6, '0')}.bin`), randomBytes(fileSize(random)));
  }
}

/** The same changes in every copy: CHANGED files rewritten (another size), ADDED new, DELETED removed. */
async function changeFolder(root: string): Promise<void> {
  const random = seeded(11);
  const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  const step = Math.max(1, Math.floor(files.length / (CHANGED + DELETED)));
  const picked = files.filter((_, i) => i % step === 0).slice(0, CHANGED + DELETED);
  for (const [i, path] of picked.entries()) {
    if (i < CHANGED) await writeFile(path, randomBytes(fileSize(random) + 17));
    else await rm(path);
  }
  for (let n = 0; n < ADDED; n++) await writeFile(join(root, `dir-${String(n % FOLDERS).padStart(3, '0')}`, `added-${n}.bin`), randomBytes(fileSize(random)));
}

/** Fails when another benchmark's RGW (or its monitor) already listens on these ports. */
function refuseBusyPorts(): void {
  for (const port of [RGW_PORT, MON_PORT]) {
    const listening = execFileSync('ss', ['-Hltn', `sport = :${port}`]).toString().trim();
    if (listening) throw new Error(`port ${port} is in use (another benchmark's RGW?): run this one when it has finished`);
  }
}

async function main() {
  refuseBusyPorts();
  const peers = findPeers({ aws: awsCliPeer, rclone: rclonePeer });
  const versions = Object.values(peers).map((path) => `${path} (${peerVersion(path)})`);
  const scratch = await mkdtemp(join(tmpdir(), 'stowage-bench-sync-'));
  const rgwDir = join(scratch, 'rgw');
  const endpoint = `http://127.0.0.1:${RGW_PORT}`;
  const s3 = new S3Client({ endpoint, region: creds.region, forcePathStyle: true, credentials: creds, requestHandler: new NodeHttpHandler({ requestTimeout: 60_000 }) });
  const bucket = 'bench-sync';
  const times: Record<ToolName, Record<Stage, Measured[]>> = Object.fromEntries(tools.map((t) => [t, { initial: [], changed: [], noop: [] }])) as never;
  const noopRequests: number[] = [];
  let correct = true;
  let relay: CountingS3Relay | undefined;
  let rgwStarted = false;
  try {
    log(`peers: ${versions.join('; ')}`);
    const appDir = join(scratch, 'app');
    const coreModule = await buildAppCore(appDir);
    const worker = join(appDir, 'sync-worker.cjs');
    await bundleDriver('tests/bench/syncWorker.ts', worker);
    const base = join(scratch, 'base');
    log(`making ${FILES} files in ${FOLDERS} folders...`);
    await makeFolder(base);

    // Memstore holds every byte in memory: one copy at a time is kept (each prefix is emptied after its run).
    log(`starting a private RGW on ${endpoint}...`);
    rgwStarted = true;
    await startPrivateRgw(rgwDir, { port: RGW_PORT, tlsPort: RGW_PORT + 1, monPort: MON_PORT, memstoreBytes: 4 * 1024 * MiB });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    relay = await startCountingS3Relay(endpoint);

    const { awsEnv, rcloneEnv } = s3PeerEnv(creds, { endpoint });
    const stowageSync = async (folder: string, prefix: string, via = endpoint) => {
      const jobFile = join(scratch, `job-${Date.now()}.json`);
      const job: SyncWorkerJob = { kind: 's3', s3: { endpoint: via, ...creds }, coreModule, codeCacheDir: join(appDir, 'code-cache'), localPath: folder, remotePath: `/${bucket}/${prefix}`, deleteExtras: true };
      await writeFile(jobFile, JSON.stringify(job));
      const out = await measure(process.execPath, [worker, jobFile], process.env);
      return { measured: out, report: JSON.parse(out.stdout.trim().split('\n').pop()!) as { planStartedAt: number; planRequests: number } };
    };
    const runTool = async (tool: ToolName, stage: Stage, folder: string, prefix: string): Promise<Measured> => {
      if (tool === 'awscli') return measure(peers.aws, ['--endpoint-url', endpoint, 's3', 'sync', '--only-show-errors', '--delete', folder, `s3://${bucket}/${prefix}`], awsEnv);
      if (tool === 'rclone') return measure(peers.rclone, ['sync', folder, `bench:${bucket}/${prefix}`], rcloneEnv);
      if (stage !== 'noop') return (await stowageSync(folder, prefix)).measured;
      const before = relay!.requests.length;
      const { measured, report } = await stowageSync(folder, prefix, relay!.endpoint);
      const sent = relay!.requests.slice(before).filter((r) => r.startedAt >= report.planStartedAt);
      noopRequests.push(sent.length);
      log(`    no-change run: ${sent.length} requests (${[...new Set(sent.map((r) => `${r.method} ${r.query.has('list-type') ? 'ListObjectsV2' : r.path}`))].join(', ')}); the plan counted ${report.planRequests}`);
      return measured;
    };

    for (let r = 0; r < RUNS; r++) {
      // Each run starts with another tool, so none always gets the freshest gateway.
      const order = tools.map((_, i) => tools[(i + r) % tools.length]!);
      for (const tool of order) {
        const folder = join(scratch, `${tool}-${r}`);
        const prefix = `${tool}-${r}/`;
        await cp(base, folder, { recursive: true });
        for (const stage of stages) {
          if (stage === 'changed') await changeFolder(folder);
          const m = await runTool(tool, stage, folder, prefix);
          times[tool][stage].push(m);
          log(`run ${r + 1}/${RUNS} ${tool} ${stage}: ${m.seconds.toFixed(2)} s, ${m.peakRssMiB.toFixed(0)} MiB`);
          if (tool === 'stowage') {
            const same = JSON.stringify(sortedDigest(await s3Digest(s3, bucket, prefix))) === JSON.stringify(sortedDigest(await localDigest(folder)));
            if (!same) log(`    the prefix does NOT equal the folder after the ${stage} run`);
            correct &&= same;
          }
        }
        await emptyPrefix(s3, bucket, prefix);
        await rm(folder, { recursive: true, force: true });
      }
    }
  } finally {
    await relay?.close();
    if (rgwStarted) {
      await removeBucket(s3, bucket).catch(() => undefined);
      await stopPrivateRgw(rgwDir);
    }
    await rm(scratch, { recursive: true, force: true });
  }
  const med = (tool: ToolName, stage: Stage) => median(times[tool][stage].map((m) => m.seconds));
  console.log(`\nStowage folder sync benchmark, ${new Date().toISOString()}, ${FILES} files of 1-64 KiB in ${FOLDERS} folders, median of ${RUNS}; whole-process seconds`);
  console.log(`peers: ${versions.join('; ')}`);
  console.log(`${'stage'.padEnd(10)}${tools.map((t) => t.padStart(12)).join('')}`);
  for (const stage of stages) console.log(`${stage.padEnd(10)}${tools.map((t) => med(t, stage).toFixed(2).padStart(12)).join('')}`);
  const ratio = (peer: ToolName, stage: Stage) => Math.round((med(peer, stage) / med('stowage', stage)) * 100) / 100;
  console.log(
    JSON.stringify({
      syncInitialVsAwsCli: ratio('awscli', 'initial'),
      syncInitialVsRclone: ratio('rclone', 'initial'),
      syncChangedVsAwsCli: ratio('awscli', 'changed'),
      syncChangedVsRclone: ratio('rclone', 'changed'),
      syncNoopRequests: Math.max(...noopRequests),
      syncCorrect: correct,
    }),
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

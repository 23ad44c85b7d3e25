// The transfer benchmark: Stowage's core process (as the app builds and starts it, one per
// run) against the peers on the same data in the same run, alternating, median of RUNS.
//   npm run bench:transfers
// Env:
//   RUNS=5          runs per tool and section (the median is reported)
//   ONLY=...        sections, comma-separated: sftp, rtt-sftp, s3, small, tls, tls-small,
//                   rtt-s3, resume, 5g. A name also takes the sections it prefixes with a
//                   dash: ONLY=rtt runs rtt-sftp and rtt-s3, ONLY=tls runs tls and tls-small.
//   BENCH_MIB=1024  the size of the large file (MiB), for quick functional checks (e.g. 64);
//                   the memory run (5g) moves five times this
//   BENCH_FILES=2000  the number of 64 KiB files in the small-files sections
//   SKIP_5G=1       skips the memory run
//   SFTP_ADDON=1    adds, in the SFTP sections, the same core with ssh2's native crypto addon
//                   beside it, which the app does not ship (electron/sshNativeCrypto.mjs)
//   BENCH_NO_INSTALL=1  never apt-get install a missing peer: print the line to run instead
// Every time is the whole process: Stowage's driver starts the core process, connects and
// transfers, as `aws s3 cp` starts, connects and transfers. Each tool's idle start-up (start
// and connect, transfer nothing) is measured before each of its runs and subtracted for the
// transfer-only time; the table prints both views, the JSON ratios use the whole process.
// S3 runs on plain HTTP (a LAN store), on HTTPS with a private CA every tool is told to trust
// (tls), and on HTTPS through a loopback relay that adds a 40 ms round trip (rtt); SFTP
// directly and through the relay. Starts its own RGW (memstore 8 GiB, HTTP on 7681, HTTPS on
// 7682, monitor on 40981) and stops it at the end; uses the shared test sshd for SFTP.
// Deletes everything it writes. The last line printed is one JSON object.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, DeleteObjectCommand, PutObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { copyNodeAddon } from '../../electron/sshNativeCrypto.mjs';
import { startLatencyRelay, type LatencyRelay } from '../support/latencyRelay.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { emptyPrefix, removeBucket } from '../support/s3Fixtures.js';
import { buildAppCore, bundleDriver } from './appBuild.js';
import { awsCliPeer, findPeers, measure, median, peerVersion, rclonePeer, sftpPeer, type Measured, type Peer } from './benchPeers.js';
import { startPrivateRgw, stopPrivateRgw } from './privateRgw.js';
import { proxyless, s3PeerEnv, type S3Target } from './s3PeerEnv.js';
import { measureRelayCeiling } from './relayCeiling.js';
import type { CoreEntry } from './coreDriver.js';
import type { WorkerJob } from './stowageWorker.js';

const run = promisify(execFile);
const MiB = 1024 * 1024;
// Five, not three: single runs on this VM vary by up to 2x, and a median of three moved its ratios by ±15% from one run to the next.
const RUNS = Number(process.env.RUNS ?? 5);
const BIG_MIB = Number(process.env.BENCH_MIB ?? 1024);
const SMALL_FILES = Number(process.env.BENCH_FILES ?? 2000);
const ONLY = process.env.ONLY?.split(',').map((s) => s.trim());
const SECTIONS = ['sftp', 'rtt-sftp', 's3', 'small', 'tls', 'tls-small', 'rtt-s3', 'resume', '5g'];
const wanted = (section: string) => !ONLY || ONLY.some((o) => section === o || section.startsWith(`${o}-`));
const unknown = ONLY?.filter((o) => !SECTIONS.some((s) => s === o || s.startsWith(`${o}-`)));
if (unknown?.length) throw new Error(`ONLY: no section ${unknown.join(', ')}; the sections are ${SECTIONS.join(', ')}`);
/** One way of the relay's round trip. */
const ONE_WAY_MS = 20;
const RGW_PORT = 7681;
const RGW_TLS_PORT = RGW_PORT + 1; // s3-rgw.sh serves HTTPS beside the HTTP port
const testbed = readTestbedEnv();
const creds = { accessKeyId: testbed.s3.accessKeyId, secretAccessKey: testbed.s3.secretAccessKey, region: testbed.s3.region };
const log = (line: string) => console.error(line);
const sizeLabel = (mib: number) => (mib % 1024 === 0 ? `${mib / 1024} GiB` : `${mib} MiB`);
const BIG = sizeLabel(BIG_MIB);

async function makeFile(path: string, bytes: number) {
  const file = await open(path, 'w');
  const block = randomBytes(8 * MiB);
  for (let done = 0; done < bytes; done += block.length) await file.write(block, 0, Math.min(block.length, bytes - done));
  await file.close();
}

// ---- Stowage, as the app builds it -----------------------------------------------------

type Bundled = { worker: string } & Required<CoreEntry>;
const bundles = new Map<string, Bundled>();
/**
 * The core process exactly as the app builds it (electron/build.mjs into a folder of the
 * scratch dir; its coreLoader.cjs and coreProcess.cjs, nothing beside them), with a code
 * cache folder kept across runs as the app's user-data folder is kept across launches, and
 * the driver bundled with the same options as main. `withAddon` puts ssh2's Node-built
 * crypto addon beside a copy, to compare.
 */
async function bundled(scratch: string, withAddon = false): Promise<Bundled> {
  const dir = withAddon ? join(scratch, 'with-addon') : join(scratch, 'app');
  let made = bundles.get(dir);
  if (made) return made;
  made = { worker: join(dir, 'stowage-worker.cjs'), coreModule: join(dir, 'main', 'coreLoader.cjs'), codeCacheDir: join(dir, 'code-cache') };
  if (withAddon) {
    const app = await bundled(scratch);
    await mkdir(join(dir, 'main'), { recursive: true });
    for (const file of ['coreLoader.cjs', 'coreProcess.cjs']) await copyFile(join(dirname(app.coreModule), file), join(dir, 'main', file));
    await copyFile(app.worker, made.worker);
    if (!(await copyNodeAddon(join(dir, 'main')))) throw new Error('SFTP_ADDON=1: ssh2 did not build its crypto addon (see npm ci)');
  } else {
    await buildAppCore(dir);
    await bundleDriver('tests/bench/stowageWorker.ts', made.worker);
  }
  bundles.set(dir, made);
  return made;
}

async function stowage(job: Omit<WorkerJob, keyof CoreEntry>, scratch: string, withAddon = false): Promise<Measured> {
  const jobFile = join(scratch, `job-${Date.now()}.json`);
  const { worker, coreModule, codeCacheDir } = await bundled(scratch, withAddon);
  await writeFile(jobFile, JSON.stringify({ ...job, coreModule, codeCacheDir }));
  // /usr/bin/time folds in the core process the driver starts: its peak RSS is the larger of the two, CPU their sum.
  const out = await measure(process.execPath, [worker, jobFile], process.env);
  const parsed = JSON.parse(out.stdout.trim().split('\n').pop()!) as { seconds: number; resentFraction?: number };
  return { seconds: out.seconds, peakRssMiB: out.peakRssMiB, cpuSeconds: out.cpuSeconds, resentFraction: parsed.resentFraction, insideSeconds: parsed.seconds };
}

/**
 * A fresh RGW makes its data pool at the first object written and its multipart pool at the
 * first multipart upload, which took a few seconds here: one object and one multipart
 * upload before the first run, so that cost lands on no tool's run.
 */
async function warmUp(s3: S3Client, bucket: string): Promise<void> {
  const Key = 'warm-up';
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'x' }));
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key }));
  const { ETag } = await s3.send(new UploadPartCommand({ Bucket: bucket, Key, UploadId, PartNumber: 1, Body: 'x' }));
  await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag }] } }));
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key }));
}

// ---- The peers ---------------------------------------------------------------------------

/** Where an S3 tool connects: plain HTTP, HTTPS, or HTTPS through the latency relay. */

function s3Peers(paths: { aws: string; rclone: string }, t: S3Target) {
  const { awsEnv, rcloneEnv, rcloneCa: ca } = s3PeerEnv(creds, t);
  return {
    aws: (...args: string[]) => measure(paths.aws, ['--endpoint-url', t.endpoint, ...args], awsEnv),
    // --ignore-times: rclone would otherwise skip a file already there with the same size and time.
    rclone: (...args: string[]) => measure(paths.rclone, ['--ignore-times', ...ca, ...args], rcloneEnv),
  };
}

// ---- Running and reporting ---------------------------------------------------------------

/**
 * Every run starts from the same quiet machine: the downloads of earlier runs deleted and
 * the disk synced, and RGW's garbage collector (every 15 s in the test config) done with
 * the objects earlier runs overwrote. Left to chance, each of them landed in whichever run
 * came next and cost it up to half its speed on these two cores. (Deleting matters on this
 * VM: freed memory goes back to the host, and whoever writes the next gigabyte into the
 * page cache pays to fetch it again, so every tool now starts after the same free.)
 */
async function settle(downloads?: string): Promise<void> {
  if (downloads) {
    await rm(downloads, { recursive: true, force: true });
    await mkdir(downloads);
  }
  await run('sync', []);
  // Bounded, as every request to the RGW here: should its OSD stop taking writes (memstore's
  // space count once wrapped below zero; see s3-rgw.sh), the benchmark fails instead of hanging.
  if (rgwConf) await run('radosgw-admin', ['gc', 'process', '--include-all'], { env: { ...process.env, CEPH_CONF: rgwConf }, timeout: 120_000 });
}
/** The private RGW's config, once it runs. */
let rgwConf: string | undefined;

/** One run of a tool: the transfer, and the same tool's idle start-up just before it. */
interface Run extends Measured {
  idleSeconds: number;
  /** CPU seconds of the benchmark's own process (the latency relay) during the transfer. */
  relayCpuSeconds?: number;
}
interface Tool {
  run: () => Promise<Measured>;
  /** The tool started and connected, transferring nothing. */
  idle: () => Promise<Measured>;
}
type Row = { name: string; bytes: number; tool: string; runs: Run[] };
const rows: Row[] = [];
interface BenchOptions {
  /** The folder the tools download into: emptied before every run. */
  downloads?: string;
  /**
   * Clears what the tool's earlier runs left where it writes, before each of its runs: an
   * upload then always lands where nothing is, as its first did. (Overwriting costs the RGW
   * more: Stowage's small-file runs took 2.45-2.97 s onto fresh keys and 3.1-4.0 s over its
   * own earlier copies, so a median mixed the two cases.)
   */
  beforeRun?: (tool: string) => Promise<void>;
  /** The runs pass through the latency relay, whose CPU (this process's) is recorded. */
  relay?: boolean;
}

/**
 * Runs each tool RUNS times, alternating, and each round starts with the next tool: the
 * first run on a fresh server (the RGW's first gigabyte is slow) and the run after another
 * tool's, whatever they cost, fall to each tool in turn. Answers each tool's median whole-process seconds.
 */
async function bench(name: string, bytes: number, tools: Record<string, Tool>, options: BenchOptions = {}): Promise<Record<string, number>> {
  const runs: Record<string, Run[]> = Object.fromEntries(Object.keys(tools).map((t) => [t, []]));
  const entries = Object.entries(tools);
  for (let i = 0; i < RUNS; i++) {
    const round = [...entries.slice(i % entries.length), ...entries.slice(0, i % entries.length)];
    for (const [tool, spec] of round) {
      await options.beforeRun?.(tool);
      await settle(options.downloads);
      const idle = await spec.idle();
      const cpu = process.cpuUsage();
      const m = await spec.run();
      const used = process.cpuUsage(cpu);
      const r: Run = { ...m, idleSeconds: idle.seconds, ...(options.relay && { relayCpuSeconds: (used.user + used.system) / 1e6 }) };
      runs[tool]!.push(r);
      const inside = m.insideSeconds === undefined ? '' : `, ${m.insideSeconds.toFixed(2)} s inside the core`;
      const relayCpu = r.relayCpuSeconds === undefined ? '' : `, relay ${r.relayCpuSeconds.toFixed(1)} CPU s`;
      log(`  ${name} ${tool} run ${i + 1}: ${m.seconds.toFixed(2)} s (start-up ${idle.seconds.toFixed(2)} s${inside}), ${m.peakRssMiB.toFixed(0)} MiB, ${m.cpuSeconds.toFixed(1)} CPU s${relayCpu}`);
    }
  }
  const medians: Record<string, number> = {};
  for (const [tool, list] of Object.entries(runs)) {
    rows.push({ name, bytes, tool, runs: list });
    medians[tool] = median(list.map((m) => m.seconds));
  }
  return medians;
}

const fixed = (x: number, digits: number, width: number) => x.toFixed(digits).padStart(width);
function report(name: string) {
  const here = rows.filter((x) => x.name === name);
  const stow = here.find((x) => x.tool === 'stowage');
  if (!stow) return;
  const whole = (r: Row) => median(r.runs.map((m) => m.seconds));
  const idle = (r: Row) => median(r.runs.map((m) => m.idleSeconds));
  // The median whole time less the median start-up. On a loaded machine a start-up can take
  // longer than the whole run beside it: then there is no transfer-only figure to give.
  const only = (r: Row) => {
    const s = whole(r) - idle(r);
    return s > 0.01 ? s : undefined;
  };
  for (const r of here) {
    const mib = r.bytes / MiB;
    const o = only(r);
    const transfer = o === undefined ? '   n/a (start-up ≥ whole)' : `${fixed(o, 2, 6)} s ${fixed(mib / o, 1, 7)} MiB/s`;
    const relay = r.runs[0]!.relayCpuSeconds === undefined ? '' : `  relay CPU ${fixed(median(r.runs.map((m) => m.relayCpuSeconds!)), 1, 4)} s`;
    const o2 = only(stow);
    const vsOnly = o === undefined || o2 === undefined ? 'n/a' : `${(o / o2).toFixed(2)}x`;
    const vs = r === stow ? '' : `  stowage ${(whole(r) / whole(stow)).toFixed(2)}x whole, ${vsOnly} transfer`;
    console.log(
      `${name.padEnd(34)} ${r.tool.padEnd(8)} ${fixed(whole(r), 2, 7)} s ${fixed(mib / whole(r), 1, 7)} MiB/s | start-up ${fixed(idle(r), 2, 5)} s, transfer ${transfer} | RSS ${fixed(median(r.runs.map((m) => m.peakRssMiB)), 0, 4)} MiB  CPU ${fixed(median(r.runs.map((m) => m.cpuSeconds)), 1, 5)} s${relay}${vs}`,
    );
  }
}

// ---- The sections ------------------------------------------------------------------------

async function main() {
  const needsRgw = ['s3', 'small', 'tls', 'tls-small', 'rtt-s3', 'resume', '5g'].some(wanted);
  const needsSftp = ['sftp', 'rtt-sftp'].some(wanted);
  const needsRelay = ['rtt-s3', 'rtt-sftp'].some(wanted);
  const wantedPeers: Record<string, Peer> = {};
  if (['s3', 'small', 'tls', 'tls-small', 'rtt-s3', 'resume'].some(wanted)) Object.assign(wantedPeers, { aws: awsCliPeer, rclone: rclonePeer });
  if (needsSftp) wantedPeers.sftp = sftpPeer;
  const peers = findPeers(wantedPeers) as Record<string, string>;
  // sftp has no version option: ssh beside it, from the same package, says it.
  const versions = Object.entries(peers).map(([name, path]) => `${path} (${name === 'sftp' ? peerVersion(join(dirname(path), 'ssh'), ['-V']) : peerVersion(path)})`);

  const scratch = await mkdtemp(join(tmpdir(), 'stowage-bench-'));
  const rgwDir = join(scratch, 'rgw');
  const endpoint = `http://127.0.0.1:${RGW_PORT}`;
  const s3 = new S3Client({ endpoint, region: creds.region, forcePathStyle: true, credentials: creds, requestHandler: new NodeHttpHandler({ requestTimeout: 60_000 }) });
  const bucket = 'bench';
  /** Empty, for the peers' idle start-up (`aws s3 ls`, `rclone lsd`). */
  const idleBucket = 'bench-idle';
  const home = testbed.sftp.home;
  const result: Record<string, number> = {};
  let relayCeiling: string | undefined;
  const relays: LatencyRelay[] = [];
  try {
    log(`peers: ${versions.join('; ') || 'none'}`);
    const big = join(scratch, 'big.bin');
    await makeFile(big, BIG_MIB * MiB);
    const down = join(scratch, 'down');
    await mkdir(down);
    await bundled(scratch);
    const addon = process.env.SFTP_ADDON === '1';

    if (needsRelay) {
      // The fastest of three: a ceiling is what the relay can do, and a busy machine only lowers it.
      const tries = [];
      for (let i = 0; i < 3; i++) tries.push(await measureRelayCeiling(BIG_MIB, ONE_WAY_MS));
      const c = tries.reduce((a, b) => (b.mibPerSecond > a.mibPerSecond ? b : a));
      relayCeiling = `relay ceiling: ${c.mibPerSecond.toFixed(0)} MiB/s (the fastest of three TCP streams of ${BIG}: ${tries.map((t) => t.mibPerSecond.toFixed(0)).join(', ')} MiB/s; ${ONE_WAY_MS} ms each way; relay CPU ${c.cpuSecondsPerGiB.toFixed(2)} s per GiB)`;
      log(relayCeiling);
    }

    // ---- SFTP, before the RGW starts: its gigabytes of memstore are no part of an SFTP run.
    const sftpSection = async (label: string, port: number, relay: boolean) => {
      log(`${label}: ${BIG} put/get`);
      const job = { kind: 'sftp' as const, sftp: { host: testbed.sftp.host, port, username: testbed.sftp.username, keyPath: testbed.sftp.keys.ed25519 } };
      const batch = (lines: string) =>
        measure(peers.sftp!, ['-q', '-b', '-', '-i', testbed.sftp.keys.ed25519, '-P', String(port), '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', `${testbed.sftp.username}@${testbed.sftp.host}`], proxyless, lines);
      const idle = (withAddon = false) => () => stowage({ ...job, direction: 'upload', sources: [], target: home }, scratch, withAddon);
      const opensshIdle = () => batch('bye\n');
      const stowageTool = (direction: 'upload' | 'download', withAddon: boolean): Tool => ({
        run: () => stowage(direction === 'upload' ? { ...job, direction, sources: [big], target: home } : { ...job, direction, sources: [`${home}/big.bin`], target: down }, scratch, withAddon),
        idle: idle(withAddon),
      });
      const put = await bench(`${label} put ${BIG}`, BIG_MIB * MiB, {
        stowage: stowageTool('upload', false),
        openssh: { run: () => batch(`put ${big} ${home}/openssh.bin\n`), idle: opensshIdle },
        ...(addon && { 'w/addon': stowageTool('upload', true) }),
      }, { relay, beforeRun: (tool) => rm(join(home, tool === 'openssh' ? 'openssh.bin' : 'big.bin'), { force: true }) });
      const get = await bench(`${label} get ${BIG}`, BIG_MIB * MiB, {
        stowage: stowageTool('download', false),
        openssh: { run: () => batch(`get ${home}/openssh.bin ${join(down, 'openssh.bin')}\n`), idle: opensshIdle },
        ...(addon && { 'w/addon': stowageTool('download', true) }),
      }, { relay, downloads: down });
      await batch(`rm ${home}/big.bin\nrm ${home}/openssh.bin\n`).catch(() => undefined);
      return { put: put.openssh! / put.stowage!, get: get.openssh! / get.stowage! };
    };
    if (wanted('sftp')) {
      const r = await sftpSection('sftp', testbed.sftp.port, false);
      result.sftpPutVsOpenssh = r.put;
      result.sftpGetVsOpenssh = r.get;
    }
    if (wanted('rtt-sftp')) {
      const relay = await startLatencyRelay({ host: testbed.sftp.host, port: testbed.sftp.port }, { oneWayMs: ONE_WAY_MS });
      relays.push(relay);
      const r = await sftpSection('rtt 40 ms sftp', relay.port, true);
      result.rttSftpPutVsOpenssh = r.put;
      result.rttSftpGetVsOpenssh = r.get;
    }

    // ---- S3 on the private RGW.
    let caFile = '';
    if (needsRgw) {
      log(`starting a private RGW on ${endpoint} and https://127.0.0.1:${RGW_TLS_PORT} (8 GiB memstore)...`);
      ({ conf: rgwConf, caFile } = await startPrivateRgw(rgwDir, { port: RGW_PORT, tlsPort: RGW_TLS_PORT, monPort: 40981, memstoreBytes: 8 * 1024 * MiB }));
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      await s3.send(new CreateBucketCommand({ Bucket: idleBucket }));
      await warmUp(s3, bucket);
    }
    const plain: S3Target = { endpoint };
    const tls: S3Target = { endpoint: `https://127.0.0.1:${RGW_TLS_PORT}`, caFile };
    const s3Job = (t: S3Target) => ({ kind: 's3' as const, s3: { endpoint: t.endpoint, ...creds, ...(t.caFile && { caFile: t.caFile }) } });
    const s3Tools = (t: S3Target, stowageRun: () => Promise<Measured>, awsArgs: string[], rcloneArgs: string[]): Record<string, Tool> => {
      const p = s3Peers({ aws: peers.aws!, rclone: peers.rclone! }, t);
      return {
        stowage: { run: stowageRun, idle: () => stowage({ ...s3Job(t), direction: 'upload', sources: [], target: `/${idleBucket}/` }, scratch) },
        awscli: { run: () => p.aws(...awsArgs), idle: () => p.aws('s3', 'ls', `s3://${idleBucket}/`) },
        rclone: { run: () => p.rclone(...rcloneArgs), idle: () => p.rclone('lsd', `bench:${idleBucket}`) },
      };
    };
    /** Upload then download of the large file; the tools' copies are deleted after. */
    const upDown = async (label: string, tag: string, t: S3Target, relay = false) => {
      log(`${label}: ${BIG} upload`);
      const prefix = (tool: string) => `${tag}-${tool}/`;
      const up = await bench(`${label} upload ${BIG}`, BIG_MIB * MiB, s3Tools(t,
        () => stowage({ ...s3Job(t), direction: 'upload', sources: [big], target: `/${bucket}/${prefix('stowage')}` }, scratch),
        ['s3', 'cp', '--only-show-errors', big, `s3://${bucket}/${prefix('awscli')}big.bin`],
        ['copyto', big, `bench:${bucket}/${prefix('rclone')}big.bin`],
      ), { relay, beforeRun: (tool) => emptyPrefix(s3, bucket, prefix(tool)) });
      log(`${label}: ${BIG} download`);
      const dl = await bench(`${label} download ${BIG}`, BIG_MIB * MiB, s3Tools(t,
        () => stowage({ ...s3Job(t), direction: 'download', sources: [`/${bucket}/${prefix('stowage')}big.bin`], target: down }, scratch),
        ['s3', 'cp', '--only-show-errors', `s3://${bucket}/${prefix('awscli')}big.bin`, join(down, 'aws.bin')],
        ['copyto', `bench:${bucket}/${prefix('rclone')}big.bin`, join(down, 'rclone.bin')],
      ), { relay, downloads: down });
      return { up: Math.min(up.awscli!, up.rclone!) / up.stowage!, down: Math.min(dl.awscli!, dl.rclone!) / dl.stowage!, cleanUp: () => Promise.all(['stowage', 'awscli', 'rclone'].map((tool) => emptyPrefix(s3, bucket, prefix(tool)))) };
    };
    let small: string | undefined;
    const smallFiles = async (label: string, tag: string, t: S3Target) => {
      log(`${label}: ${SMALL_FILES} files of 64 KiB`);
      if (!small) {
        small = join(scratch, 'small');
        await mkdir(small);
        for (let i = 0; i < SMALL_FILES; i++) await writeFile(join(small, `f${String(i).padStart(5, '0')}.bin`), randomBytes(64 * 1024));
      }
      const prefix = (tool: string) => `${tag}-${tool}-small/`;
      const sm = await bench(`${label} ${SMALL_FILES} x 64 KiB`, SMALL_FILES * 64 * 1024, s3Tools(t,
        () => stowage({ ...s3Job(t), direction: 'upload', sources: [small!], target: `/${bucket}/${prefix('stowage')}` }, scratch),
        ['s3', 'cp', '--only-show-errors', '--recursive', small, `s3://${bucket}/${prefix('awscli')}`],
        ['copy', small, `bench:${bucket}/${prefix('rclone')}`],
      ), { beforeRun: (tool) => emptyPrefix(s3, bucket, prefix(tool)) });
      await Promise.all(['stowage', 'awscli', 'rclone'].map((tool) => emptyPrefix(s3, bucket, prefix(tool))));
      return { awscli: sm.awscli! / sm.stowage!, rclone: sm.rclone! / sm.stowage! };
    };

    if (wanted('s3') || wanted('resume')) {
      const r = await upDown('s3 http', 'http', plain);
      result.s3UpVsBestPeer = r.up;
      result.s3DownVsBestPeer = r.down;
      await r.cleanUp();
    }
    if (wanted('small')) {
      const r = await smallFiles('s3 http', 'http', plain);
      result.smallFilesVsAwsCli = r.awscli;
      result.smallFilesVsRclone = r.rclone;
    }
    if (wanted('tls')) {
      const r = await upDown('s3 https', 'https', tls);
      result.tlsS3UpVsBestPeer = r.up;
      result.tlsS3DownVsBestPeer = r.down;
      await r.cleanUp();
    }
    if (wanted('tls-small')) {
      const r = await smallFiles('s3 https', 'https', tls);
      result.tlsSmallFilesVsAwsCli = r.awscli;
      result.tlsSmallFilesVsRclone = r.rclone;
    }
    if (wanted('rtt-s3')) {
      const relay = await startLatencyRelay({ host: '127.0.0.1', port: RGW_TLS_PORT }, { oneWayMs: ONE_WAY_MS });
      relays.push(relay);
      // The certificate names 127.0.0.1, where the relay listens too.
      const r = await upDown('rtt 40 ms s3 https', 'rtt', { endpoint: `https://127.0.0.1:${relay.port}`, caFile }, true);
      result.rttS3UpVsBestPeer = r.up;
      result.rttS3DownVsBestPeer = r.down;
      await r.cleanUp();
    }

    if (wanted('resume')) {
      log(`Resume: interrupt a ${BIG} upload at half`);
      await settle();
      const resumed = await stowage({ ...s3Job(plain), direction: 'upload', sources: [big], target: `/${bucket}/resume/`, interruptAt: 0.5, dataDir: join(scratch, 'resume-data') }, scratch);
      result.resumeResentFraction = resumed.resentFraction ?? 1;
    }

    // The worst kind of large-file transfer (the median of its runs), over every network: the target holds for every kind.
    const rssBig = rows.filter((r) => r.tool === 'stowage' && r.name.endsWith(BIG)).map((r) => median(r.runs.map((m) => m.peakRssMiB)));
    if (rssBig.length) result.peakRssMiB1G = Math.max(...rssBig);
    await rm(down, { recursive: true, force: true });

    if (process.env.SKIP_5G !== '1' && wanted('5g')) {
      log(`Memory: ${sizeLabel(5 * BIG_MIB)} upload`);
      await removeBucket(s3, bucket); // free the memstore first
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      const five = join(scratch, 'five.bin');
      await makeFile(five, 5 * BIG_MIB * MiB);
      await settle();
      const idle5 = await stowage({ ...s3Job(plain), direction: 'upload', sources: [], target: `/${idleBucket}/` }, scratch);
      const m5 = await stowage({ ...s3Job(plain), direction: 'upload', sources: [five], target: `/${bucket}/five/` }, scratch);
      log(`  ${sizeLabel(5 * BIG_MIB)} upload: ${m5.seconds.toFixed(1)} s, ${m5.peakRssMiB.toFixed(0)} MiB`);
      rows.push({ name: `s3 http upload ${sizeLabel(5 * BIG_MIB)}`, bytes: 5 * BIG_MIB * MiB, tool: 'stowage', runs: [{ ...m5, idleSeconds: idle5.seconds }] });
      result.peakRssMiB5G = m5.peakRssMiB;
    }
  } finally {
    for (const relay of relays) await relay.close();
    if (rgwConf) {
      await removeBucket(s3, bucket).catch(() => undefined);
      await removeBucket(s3, idleBucket).catch(() => undefined);
    }
    await stopPrivateRgw(rgwDir);
    await rm(scratch, { recursive: true, force: true });
  }
  console.log(`\nStowage transfer benchmark, ${new Date().toISOString()}, median of ${RUNS}; whole-process seconds, and transfer-only (less the tool's idle start-up)`);
  console.log(`peers: ${versions.join('; ') || 'none'}`);
  if (relayCeiling) console.log(relayCeiling);
  for (const name of [...new Set(rows.map((r) => r.name))]) report(name);
  // The keys in the order the issues list them, whatever order the sections ran in.
  const keys = [
    's3UpVsBestPeer', 's3DownVsBestPeer', 'smallFilesVsAwsCli', 'smallFilesVsRclone', 'sftpPutVsOpenssh', 'sftpGetVsOpenssh', 'peakRssMiB1G', 'peakRssMiB5G', 'resumeResentFraction',
    'tlsS3UpVsBestPeer', 'tlsS3DownVsBestPeer', 'tlsSmallFilesVsAwsCli', 'tlsSmallFilesVsRclone', 'rttS3UpVsBestPeer', 'rttS3DownVsBestPeer', 'rttSftpPutVsOpenssh', 'rttSftpGetVsOpenssh',
  ];
  const rounded = Object.fromEntries(keys.filter((k) => k in result).map((k) => [k, Math.round(result[k]! * 100) / 100]));
  console.log(JSON.stringify(rounded));
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// What the crash cases share: the app's real core process (built from
// electron/core/process/coreProcess.ts as the app builds it), hosted as main hosts it,
// SIGKILLed at a chosen moment and started again on the same data folder and home, and
// the bookkeeping of one fault case (its ledger line is written even when it fails).
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type FSWatcher, watch as watchFolder } from 'node:fs';
import { chown, mkdir, open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { expect } from 'vitest';
import type { ConnectionDraft, SftpConnectionDraft } from '../../shared/connections.js';
import { detailText, type TransferProgress, type TransferSettings, type TransferSnapshot, type TransferState } from '../../shared/transfers.js';
import type { SecretBox } from '../../electron/core/host.js';
import type { FromCoreProcess, ToCoreProcess } from '../../electron/core/process/coreProtocol.js';
import { forkCoreProcess } from '../support/forkCoreProcess.js';
import { startRemoteCore, type CoreProcessChild, type RemoteCore } from '../../electron/main/remoteCore.js';
import { nodeBundleOptions } from '../../electron/nodeBundle.mjs';
import { coreClient } from '../support/coreClient.js';
import { makeTempDir } from '../support/tempDir.js';
import type { TestbedEnv } from '../support/testbedEnv.js';
import { recordFaultCase } from './faultLedger.js';

export const MiB = 1024 * 1024;

/**
 * Bundles the core process exactly as the app's build does (esbuild, nodeBundleOptions) into
 * `dir`. $STOWAGE_FAULT_CORE names a bundle built elsewhere instead (say, from an older
 * commit, to watch the suite catch what a fix fixed).
 */
export async function buildCoreProcess(dir: string): Promise<string> {
  const prebuilt = process.env['STOWAGE_FAULT_CORE'];
  if (prebuilt) return prebuilt;
  const outfile = join(dir, 'coreProcess.cjs');
  await build({ ...nodeBundleOptions, entryPoints: ['electron/core/process/coreProcess.ts'], target: 'node20', outfile, logLevel: 'warning' });
  return outfile;
}

export interface CrashableCoreOptions {
  modulePath: string;
  dataDir: string;
  homeDir: string;
  /** The same box across the restart, as main keeps its safeStorage: saved secrets open again. */
  secretBox: SecretBox;
}

/**
 * The core process under `startRemoteCore`, as main runs it. `kill()` SIGKILLs it at once;
 * main's own restart logic then asks for a new process, which is held back until
 * `restart()`, so a test can look at the disk and the servers as the dead process left them.
 */
export class CrashableCore {
  readonly pids: number[] = [];
  /** What main logged (restarts). */
  readonly log: string[] = [];
  core!: RemoteCore;
  call!: ReturnType<typeof coreClient>;
  /** When the last SIGKILL was sent. */
  killedAt = 0;
  private readonly exits = new Map<number, Promise<void>>();
  private readonly watches: JobWatch[] = [];
  private gate: { open: () => void; opened: Promise<void> } | undefined;

  private constructor(private readonly options: CrashableCoreOptions) {}

  static async start(options: CrashableCoreOptions): Promise<CrashableCore> {
    const c = new CrashableCore(options);
    c.core = await startRemoteCore(
      () => c.spawn(),
      {
        setup: { dataDir: options.dataDir, homeDir: options.homeDir, appVersion: '0.0.0-test', platform: process.platform },
        secretBox: options.secretBox,
        dialogs: { chooseFolder: async () => null },
      },
      (line) => void c.log.push(line),
    );
    c.call = coreClient(c.core);
    return c;
  }

  /** The pid of the current (or the last killed) core process. */
  get pid(): number {
    return this.pids.at(-1)!;
  }

  /** SIGKILLs the core process now (before this returns); resolves once it is gone. */
  kill(): Promise<void> {
    const pid = this.pid;
    const exited = this.exits.get(pid)!;
    if (!this.gate) {
      let open = () => undefined as void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      this.gate = { open, opened };
    }
    process.kill(pid, 'SIGKILL');
    this.killedAt = Date.now();
    // Main's exit handler (which asks for the new process) has run once the exit is seen.
    return exited.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
  }

  /** Lets the new core process start (same data folder, home and secret box) and waits until it answers. */
  async restart(): Promise<void> {
    const gate = this.gate;
    this.gate = undefined;
    gate?.open();
    await within(this.call('transfers:list', {}), 60_000, 'the new core process answering');
  }

  /** Starts recording the transfer events this host hears (until `dispose`). */
  watchJobs(): JobWatch {
    const watch = new JobWatch(this);
    this.watches.push(watch);
    return watch;
  }

  async dispose(): Promise<void> {
    for (const watch of this.watches) watch.stop();
    if (this.gate) await this.restart().catch(() => undefined);
    await this.core.shutdown();
  }

  private spawn(): CoreProcessChild {
    const gate = this.gate;
    return gate ? deferredChild(gate.opened, () => this.fork()) : this.fork();
  }

  private fork(): CoreProcessChild {
    const child = forkCoreProcess(this.options.modulePath, { ...process.env, HOME: this.options.homeDir });
    const pid = child.pid!;
    this.pids.push(pid);
    this.exits.set(pid, new Promise<void>((resolve) => child.onExit(() => resolve())));
    return child;
  }
}

/** A child process that is forked only once `when` settles; what is sent or listened for meanwhile is passed on then. */
function deferredChild(when: Promise<void>, make: () => CoreProcessChild): CoreProcessChild {
  let child: CoreProcessChild | undefined;
  const outbox: ToCoreProcess[] = [];
  const messageListeners: ((m: FromCoreProcess) => void)[] = [];
  const exitListeners: ((code: number | null) => void)[] = [];
  void when.then(() => {
    child = make();
    for (const l of messageListeners) child.onMessage(l);
    for (const l of exitListeners) child.onExit(l);
    for (const m of outbox.splice(0)) child.send(m);
  });
  return {
    send: (m) => void (child ? child.send(m) : outbox.push(m)),
    onMessage: (l) => void (child ? child.onMessage(l) : messageListeners.push(l)),
    onExit: (l) => void (child ? child.onExit(l) : exitListeners.push(l)),
    kill: () => child?.kill(),
  };
}

/** One observation of a transfer, from the core's events, with when it arrived here. */
export interface JobSeen {
  at: number;
  id: string;
  state: TransferState;
  bytesDone: number;
  size?: number;
}

/** Every transfer event the host hears (across restarts), so a test can wait for a moment that may already have passed. */
export class JobWatch {
  readonly seen: JobSeen[] = [];
  private waiters = new Set<() => void>();
  private timers = new Set<NodeJS.Timeout>();
  private readonly unsubscribe: () => void;

  constructor(h: CrashableCore) {
    this.unsubscribe = h.core.events.subscribe((channel, payload) => {
      const at = Date.now();
      if (channel === 'transfers:changed') {
        const s = payload as TransferSnapshot;
        this.seen.push({ at, id: s.id, state: s.state, bytesDone: s.bytesDone, size: s.size });
      } else if (channel === 'transfers:progress') {
        for (const p of payload as TransferProgress[]) this.seen.push({ at, id: p.id, state: p.state, bytesDone: p.bytesDone, size: p.size });
      } else return;
      for (const w of [...this.waiters]) w();
    });
  }

  /** The first observation of `id` for which `test` holds (seen already, or within `timeoutMs`). */
  until(id: string, test: (s: JobSeen) => boolean, what: string, timeoutMs = 60_000): Promise<JobSeen> {
    const found = () => this.seen.find((s) => s.id === id && test(s));
    const now = found();
    if (now) return Promise.resolve(now);
    return new Promise<JobSeen>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        this.timers.delete(timer);
        reject(new Error(`transfer ${id} never reached "${what}" within ${timeoutMs} ms; last seen: ${JSON.stringify(this.seen.filter((s) => s.id === id).at(-1))}`));
      }, timeoutMs);
      const check = () => {
        const s = found();
        if (!s) return;
        clearTimeout(timer);
        this.timers.delete(timer);
        this.waiters.delete(check);
        resolve(s);
      };
      this.waiters.add(check);
      this.timers.add(timer);
    });
  }

  /** Stops listening; whatever still waits is left waiting (the case is over). */
  stop(): void {
    this.unsubscribe();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.waiters.clear();
  }
}

/** The moments the cases kill the core process at. */
export const moments = {
  /** `delayMs` after the job turned running (the issue's reproduction: 60-200 ms). */
  async start(h: CrashableCore, watch: JobWatch, id: string, delayMs = 100): Promise<void> {
    const running = await watch.until(id, (s) => s.state === 'running', 'running');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, running.at + delayMs - Date.now())));
    await h.kill();
  },
  /** When the job's progress passes half its size. */
  async middle(h: CrashableCore, watch: JobWatch, id: string, size: number): Promise<void> {
    await watch.until(id, (s) => s.bytesDone >= size / 2, 'half done');
    await h.kill();
  },
  /**
   * The end: the moment `folder/name` appears (the finished file renamed into place) or,
   * should that be missed, the moment the job says completed. Either way the kill lands
   * between the last byte and the queue saving the job as completed (when it lands early enough).
   */
  async end(h: CrashableCore, watch: JobWatch, id: string, folder: string, name: string): Promise<void> {
    let watcher: FSWatcher | undefined;
    let killed: Promise<void> | undefined;
    const killOnce = () => (killed ??= h.kill());
    try {
      const renamed = new Promise<void>((resolve) => {
        watcher = watchFolder(folder, (_event, file) => {
          if (file === name) resolve(void killOnce());
        });
      });
      const completed = watch.until(id, (s) => s.state === 'completed' || s.state === 'failed', 'finished', 120_000).then(() => void killOnce());
      await Promise.race([renamed, completed]);
      await killed;
    } finally {
      watcher?.close();
    }
  },
};

/** Polls the queue through the pipe until the job is finished; undefined when it is gone or the time bound passes. */
export async function outcomeOf(h: CrashableCore, id: string, timeoutMs: number): Promise<TransferSnapshot | undefined> {
  const until = Date.now() + timeoutMs;
  let last: TransferSnapshot | undefined;
  while (Date.now() < until) {
    last = (await h.call('transfers:list', {})).find((t) => t.id === id);
    if (!last) return undefined;
    if (last.state === 'completed' || last.state === 'failed' || last.state === 'cancelled') return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  console.warn(`transfer ${id} still ${last?.state} after ${timeoutMs} ms: ${JSON.stringify(last)}`);
  return undefined;
}

/**
 * Books how the resumed job ended in the case's ledger line, then checks it: the job came
 * back after the restart (paused, "Stopped when Stowage closed", or already completed) and
 * ended completed with the source's bytes (`landed`: the result's sha256) or clearly failed.
 * A failed job that leaves a wrong file under the target's name counts as corrupt too.
 */
export function judgeOutcome(run: CaseRun, name: string, back: TransferSnapshot, done: TransferSnapshot | undefined, landed: string | undefined, sha: string): void {
  if (done?.state === 'completed') {
    run.lost = 0;
    run.corrupt = landed === sha ? 0 : 1;
  } else if (clearlyFailed(done)) {
    run.lost = 0;
    run.corrupt = landed !== undefined && landed !== sha ? 1 : 0;
  }
  console.info(`${name}: came back ${back.state}, ended ${done?.state ?? 'nowhere within the time bound'}${done?.error ? `: ${done.error.message}` : ''}${done?.detail ? ` (${detailText(done)})` : ''}`);
  expect(done?.state === 'completed' || clearlyFailed(done), `completed or clearly failed: ${JSON.stringify(done)}`).toBe(true);
  if (done?.state === 'completed') expect(landed, 'the result is byte-identical to the source').toBe(sha);
  else expect(landed === undefined || landed === sha, 'a failed job left a wrong file under the target name').toBe(true);
  expect(back.state, 'the interrupted job comes back paused (or already completed)').toMatch(/^(paused|completed)$/);
}

/** Failed, and says why in words: the only acceptable way not to deliver a file. */
export function clearlyFailed(t: TransferSnapshot | undefined): boolean {
  return t?.state === 'failed' && typeof t.error?.message === 'string' && t.error.message.trim().length > 10;
}

/** The job (snapshot and checkpoint) as the queue last saved it in the data folder, read leniently. */
export async function savedJob(dataDir: string, id: string): Promise<{ snapshot: TransferSnapshot; checkpoint?: Record<string, unknown> } | undefined> {
  try {
    const saved = JSON.parse(await readFile(join(dataDir, 'transfers.json'), 'utf8')) as { jobs?: { snapshot?: TransferSnapshot; checkpoint?: Record<string, unknown> }[] };
    const job = saved.jobs?.find((j) => j.snapshot?.id === id);
    return job?.snapshot ? { snapshot: job.snapshot, checkpoint: job.checkpoint } : undefined;
  } catch {
    return undefined;
  }
}

export async function sha256File(path: string): Promise<string | undefined> {
  try {
    const hash = createHash('sha256');
    for await (const piece of createReadStream(path) as AsyncIterable<Buffer>) hash.update(piece);
    return hash.digest('hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function sha256Stream(body: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of body) hash.update(piece);
  return hash.digest('hex');
}

/**
 * How many bytes of `ranges` ([start, end) pairs) hold in `path` exactly what `source`
 * holds there, compared in 1 MiB blocks (a block that differs anywhere counts 0).
 */
export async function bytesMatching(path: string, source: string, ranges: [number, number][]): Promise<number> {
  let a, b;
  try {
    a = await open(path, 'r');
    b = await open(source, 'r');
    const x = Buffer.alloc(MiB);
    const y = Buffer.alloc(MiB);
    let same = 0;
    for (const [start, end] of ranges) {
      for (let at = start; at < end; at += MiB) {
        const n = Math.min(MiB, end - at);
        const [ra, rb] = await Promise.all([a.read(x, 0, n, at), b.read(y, 0, n, at)]);
        if (ra.bytesRead === n && rb.bytesRead === n && x.subarray(0, n).equals(y.subarray(0, n))) same += n;
      }
    }
    return same;
  } catch {
    return 0;
  } finally {
    await a?.close();
    await b?.close();
  }
}

/** The bookkeeping of one fault case, turned into its ledger line when the case ends. */
export interface CaseRun {
  /** Files the case counts as corrupt: content differs while the job says completed. */
  corrupt: number;
  /** Starts at 1: a case that throws before it could tell counts its file as lost. */
  lost: number;
  /** Counts the incomplete uploads the case left on the server (after its cores stopped). */
  countOrphans: () => Promise<number>;
  /** Runs when the case ends, last registered first, before the orphans are counted (stop cores). */
  defer(fn: () => Promise<unknown>): void;
  /** Runs once the case's ledger line is written (remove what the case made on the servers). */
  afterwards(fn: () => Promise<unknown>): void;
}

/**
 * Runs one fault case and records it in the ledger, passing or failing. A case that ends
 * without an exception must also have a clean line: no corrupt, lost or orphaned file.
 */
export async function faultCase(name: string, body: (run: CaseRun) => Promise<void>): Promise<void> {
  const deferred: (() => Promise<unknown>)[] = [];
  const later: (() => Promise<unknown>)[] = [];
  const run: CaseRun = { corrupt: 0, lost: 1, countOrphans: async () => 0, defer: (fn) => void deferred.push(fn), afterwards: (fn) => void later.push(fn) };
  const settle = async (fns: (() => Promise<unknown>)[]) => {
    for (const fn of fns.reverse()) await fn().catch((error: unknown) => console.warn(`${name}: cleanup failed: ${String(error)}`));
  };
  let threw = true;
  let line = { name, corrupt: 0, lost: 1, orphanedUploads: 0 };
  try {
    await body(run);
    threw = false;
  } finally {
    await settle(deferred);
    let orphanedUploads = 1;
    try {
      orphanedUploads = await run.countOrphans();
    } catch (error) {
      console.warn(`${name}: could not count incomplete uploads (counted as 1): ${String(error)}`);
    }
    line = { name, corrupt: run.corrupt, lost: run.lost, orphanedUploads };
    recordFaultCase(line);
    await settle(later);
  }
  if (!threw) expect({ corrupt: line.corrupt, lost: line.lost, orphanedUploads: line.orphanedUploads }, `${name}: its ledger line`).toEqual({ corrupt: 0, lost: 0, orphanedUploads: 0 });
}

/** Connects a saved connection in the (new) core process, trusting the test sshd's host key when asked. */
export async function connect(h: CrashableCore, id: string): Promise<void> {
  let outcome = await h.call('connections:connect', { id });
  for (let i = 0; i < 3 && outcome.state === 'hostKeyPrompt'; i++) {
    outcome = await h.call('connections:answerHostKey', { promptId: outcome.prompt.promptId, decision: 'trustAndSave' });
  }
  expect(outcome.state).toBe('connected');
}

/** A case's own core process, connected, with its transfers slowed so the kill can be timed. */
export interface CaseCore {
  h: CrashableCore;
  connectionId: string;
  /** The case's folder (the core's home); removed when the case ends. */
  caseDir: string;
  /** Where the core keeps its queue and checkpoints. */
  dataDir: string;
}

/**
 * Starts one case's core process on a folder of its own (stopped and removed when the case
 * ends), saves and connects `draft`, and applies `settings` (a bandwidth limit, retries, the
 * conflict policy): what every crash case does before it starts its transfer.
 */
export async function startCaseCore(
  run: CaseRun,
  options: { modulePath: string; secretBox: SecretBox; draft: ConnectionDraft; settings: Partial<TransferSettings> },
): Promise<CaseCore> {
  const caseDir = await makeTempDir('fault-case');
  run.defer(() => caseDir.remove());
  const dataDir = join(caseDir.path, 'data');
  const h = await CrashableCore.start({ modulePath: options.modulePath, dataDir, homeDir: caseDir.path, secretBox: options.secretBox });
  run.defer(() => h.dispose());
  const saved = await h.call('connections:save', { draft: options.draft });
  await connect(h, saved.id);
  await h.call('transfers:setSettings', { changes: options.settings });
  return { h, connectionId: saved.id, caseDir: caseDir.path, dataDir };
}

/**
 * After the kill: a new core process on the same data, connected again (`onConnected` runs
 * then, before the job is touched), bandwidth limits lifted, the job resumed. Answers the
 * job as the new core had it and how it ended.
 */
export async function restartAndFinish(
  c: CaseCore,
  id: string,
  timeoutMs: number,
  onConnected: () => Promise<void> = async () => undefined,
): Promise<{ back: TransferSnapshot; done: TransferSnapshot | undefined }> {
  await c.h.restart();
  await connect(c.h, c.connectionId);
  await onConnected();
  await c.h.call('transfers:setSettings', { changes: { uploadLimit: 0, downloadLimit: 0 } });
  const back = await resumeAfterRestart(c.h, id);
  expect(back, 'the restarted core still has the transfer').toBeDefined();
  return { back: back!, done: await outcomeOf(c.h, id, timeoutMs) };
}

/**
 * After the restart: the job as the new core has it (undefined when it lost it). A job
 * that came back paused ("Stopped when Stowage closed") is resumed.
 */
export async function resumeAfterRestart(h: CrashableCore, id: string): Promise<TransferSnapshot | undefined> {
  const back = (await h.call('transfers:list', {})).find((t) => t.id === id);
  if (back?.state === 'paused') await h.call('transfers:resume', { ids: [id] });
  return back;
}

/** A file of `size` random bytes, written 16 MiB at a time. */
export async function writeRandomFile(path: string, size: number): Promise<void> {
  const file = await open(path, 'w');
  try {
    for (let at = 0; at < size; at += 16 * MiB) await file.write(randomBytes(Math.min(16 * MiB, size - at)));
  } finally {
    await file.close();
  }
}

/** Rejects with `what` when `promise` has not settled within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * How much of a download the dead core had safely on disk: all of it when the finished
 * file (or a complete `.part` beside it) holds the source's bytes; else the bytes its saved
 * checkpoint names (ranges, or an offset's prefix) that hold the source's bytes in the `.part`.
 */
export async function verifiedOnDisk(localPath: string, source: string, sourceSha: string, size: number, checkpoint: Record<string, unknown> | undefined): Promise<{ bytes: number; whole: boolean }> {
  const part = `${localPath}.part`;
  if ((await sha256File(localPath)) === sourceSha || (await sha256File(part)) === sourceSha) return { bytes: size, whole: true };
  if (checkpoint?.['kind'] === 'ranges' && Array.isArray(checkpoint['done'])) {
    return { bytes: await bytesMatching(part, source, checkpoint['done'] as [number, number][]), whole: false };
  }
  if (checkpoint?.['kind'] === 'offset' && typeof checkpoint['offset'] === 'number') {
    const offset = checkpoint['offset'];
    return { bytes: (await bytesMatching(part, source, [[0, offset]])) === offset ? offset : 0, whole: false };
  }
  return { bytes: 0, whole: false };
}

/** The sshd test user's draft, through `port` (a relay) on loopback, with its ed25519 key (no secret to save). */
export function sftpDraft(sftp: TestbedEnv['sftp'], port: number): SftpConnectionDraft {
  return { protocol: 'sftp', name: 'sshd (fault suite)', host: '127.0.0.1', port, username: sftp.username, rememberSecret: false, auth: { kind: 'key', keyPath: sftp.keys.ed25519 } };
}

/**
 * A fresh folder in the sftptest user's home, owned by that user. The test sshd serves this
 * machine's file system, so the test reads and writes the server's files directly.
 */
export async function sftpFolder(sftp: TestbedEnv['sftp'], name: string): Promise<string> {
  const { uid, gid } = await stat(sftp.home);
  const folder = join(sftp.home, `${name}-${process.pid}-${Date.now().toString(36)}`);
  await mkdir(folder);
  await chown(folder, uid, gid);
  return folder;
}

/**
 * What an SSH session may carry to move `payload` bytes: the payload, its framing (SFTP
 * headers, SSH packets and MACs: well under 2%), and a megabyte for the handshake, the
 * login and the requests around the transfer.
 */
export function sshOverhead(payload: number): number {
  return Math.ceil(payload * 1.02) + MiB;
}

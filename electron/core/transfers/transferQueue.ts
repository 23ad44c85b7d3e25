import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import {
  defaultTransferSettings,
  finishedStates,
  type ConflictChoice,
  type TransferKind,
  type TransferProgress,
  type TransferSettings,
  type TransferSnapshot,
  type UploadOptions,
} from '../../../shared/transfers.js';
import { coreMessage, type CoreMessage } from '../../../shared/i18n/englishMessages.js';
import type { IpcError } from '../../../shared/errors.js';
import { codedError, toIpcError, type ErrorTranslator } from '../errors.js';
import type { EventBus } from '../events.js';
import type { FileTransferDriver, RemoteSession } from '../fs/remoteFileSystem.js';
import { TargetAppearedError } from '../fs/targetAppeared.js';
import { BandwidthLimiter } from './bandwidth.js';
import { applyChoice, findConflict } from './conflicts.js';
import { runCopyAttempt } from '../copy/copyAttempt.js';
import { copySpecs, type CopyPlaces } from '../copy/copySpecs.js';
import type { Checkpoint, JobContext } from './jobContext.js';
import { discardPartial, runAttempt } from './jobRunner.js';
import { downloadSpecs, storageClassSpecs, uploadSpecs, type JobSpec } from './jobSpecs.js';
import { ClaimedPaths } from './localTargets.js';
import { canMove, move } from './queueStates.js';
import { RateMeter } from './rateMeter.js';
import { backoffMs, isRetryable, sleep } from './retryPolicy.js';
import { TransferStore } from './transferStore.js';

export interface SessionLookup {
  get(connectionId: string): RemoteSession;
}

interface Job {
  snapshot: TransferSnapshot;
  checkpoint?: Checkpoint;
  /** The user's answer to this job's conflict, or "go ahead" once it is settled. */
  choice?: ConflictChoice;
  controller?: AbortController;
  /** Settles when the running attempt has stopped. */
  settled?: Promise<void>;
  meter: RateMeter;
  dirty: boolean;
  /** A listing when it was queued found nothing at the upload's target: no conflict check needed. */
  targetFree?: boolean;
  /** Nothing was at the write's target when its conflict was settled: the write asks the server to keep it so. */
  onlyIfAbsent?: boolean;
  /** When the running attempt started; added to `activeMs` when it stops running. */
  runningSince?: number;
  /** Settles when the queue holding this job is on disk: no request goes out before. */
  saved?: Promise<void>;
  /** What the user is told about this job however its attempts go (a new local name, a conflict's outcome). */
  planned?: CoreMessage[];
  /** The notes of the running attempt ("Resumed…", "not verified…"). */
  attemptNotes?: CoreMessage[];
}

export interface TransferQueueOptions {
  progressIntervalMs: number;
  translators: ErrorTranslator[];
  /** Where the queue and its checkpoints are kept; none = memory only. */
  dataDir?: string;
  /** First automatic retry waits this long, then doubles. */
  retryBaseMs: number;
  /** The storage class a connection gives uploads that name none (its saved defaultStorageClass). */
  connectionStorageClass?: (connectionId: string) => string | undefined;
}

/** How often one run asks the conflict question again because something kept appearing at its target. */
const maxAskAgain = 3;

const snapshotOf = (job: Job): TransferSnapshot => ({ ...job.snapshot });

/** An error's sentence as a note (the retry's detail says what went wrong first). */
const errorNote = (error: IpcError): CoreMessage => ({ key: error.code ?? '', ...(error.params ? { params: error.params } : {}), text: error.message });

/** The notes, or none when the list is empty. */
const notesOrNone = (notes: (CoreMessage | undefined)[]): CoreMessage[] | undefined => {
  const kept = notes.filter((n): n is CoreMessage => n !== undefined);
  return kept.length > 0 ? kept : undefined;
};

/**
 * The transfer queue, in the core process: every transfer has an id and a state (moved by
 * the table in queueStates.ts); the renderer gets throttled progress and full snapshots on
 * state changes, and sends commands by id. It speaks to each protocol only through the
 * session's FileTransferDriver.
 * The queue, settings and checkpoints are saved in the data folder, so a restart finds
 * them again (interrupted transfers come back paused) and resuming sends only the rest.
 */
export class TransferQueue {
  private jobs = new Map<string, Job>();
  /** Jobs put in the queued state, oldest first (entries that moved on are dropped lazily by pump). */
  private waitingToRun = new Set<Job>();
  private running = 0;
  private ticker: NodeJS.Timeout | undefined;
  private readonly options: TransferQueueOptions;
  private settings: TransferSettings = { ...defaultTransferSettings };
  /** "Apply to all" answers, per kind of job, for the rest of this session. */
  private applyToAll: Partial<Record<TransferKind, ConflictChoice>> = {};
  private readonly limits = { upload: new BandwidthLimiter(), download: new BandwidthLimiter() };
  private readonly store: TransferStore | undefined;

  constructor(
    private readonly sessions: SessionLookup,
    private readonly bus: EventBus,
    options: Partial<TransferQueueOptions> = {},
  ) {
    this.options = { progressIntervalMs: 100, translators: [], retryBaseMs: 1000, ...options };
    if (this.options.dataDir) {
      const saved = () => ({
        settings: this.settings,
        jobs: [...this.jobs.values()].map((j) => ({ snapshot: { ...j.snapshot, conflict: undefined }, checkpoint: j.checkpoint })),
      });
      this.store = new TransferStore(this.options.dataDir, saved, 250, () => this.jobs.size);
    }
  }

  /** Loads the saved queue: what was moving when the app stopped comes back paused. */
  async restore(): Promise<void> {
    if (!this.store) return;
    const saved = await this.store.load();
    this.setSettings(saved.settings);
    for (const { snapshot, checkpoint } of saved.jobs) {
      if (canMove(snapshot, 'restore')) move(snapshot, 'restore');
      this.jobs.set(snapshot.id, { snapshot, checkpoint, meter: new RateMeter(), dirty: false });
    }
  }

  getSettings(): TransferSettings {
    return { ...this.settings };
  }

  setSettings(changes: Partial<TransferSettings>): TransferSettings {
    this.settings = { ...this.settings, ...changes };
    this.limits.upload.setLimit(this.settings.uploadLimit);
    this.limits.download.setLimit(this.settings.downloadLimit);
    this.store?.schedule();
    this.pump();
    return this.getSettings();
  }

  /** One transfer's snapshot; a clear error when it is gone. */
  get(id: string): TransferSnapshot {
    return snapshotOf(this.jobOf(id));
  }

  list(): TransferSnapshot[] {
    return [...this.jobs.values()].map(snapshotOf);
  }

  async upload(connectionId: string, localPaths: string[], remoteFolder: string, uploadOptions?: UploadOptions): Promise<TransferSnapshot[]> {
    const session = this.sessions.get(connectionId);
    const defaultClass = this.options.connectionStorageClass?.(connectionId);
    const specs = await uploadSpecs(session, connectionId, localPaths, remoteFolder, uploadOptions, defaultClass);
    const asking = (this.applyToAll.upload ?? this.settings.conflictPolicy) !== 'overwrite';
    const free = asking ? await session.transfers.freeTargets(remoteFolder, specs.map((s) => s.remotePath)) : new Set<string>();
    return this.add(specs, session.transfers, free);
  }

  async download(connectionId: string, remotePaths: string[], localFolder: string): Promise<TransferSnapshot[]> {
    const session = this.sessions.get(connectionId);
    return this.add(await downloadSpecs(session, connectionId, remotePaths, localFolder, this.claimedLocalPaths()), session.transfers);
  }

  /** Queues transfers whose targets a caller has already compared (a folder sync's plan): none asks about a conflict. */
  addPlanned(connectionId: string, specs: JobSpec[]): TransferSnapshot[] {
    if (specs.length === 0) return [];
    return this.add(specs, this.sessions.get(connectionId).transfers, undefined, 'overwrite');
  }

  /** Copies files and folders to another place (connection), one queued job per file. */
  async copyBetween(places: CopyPlaces): Promise<TransferSnapshot[]> {
    const source = this.sessions.get(places.source.connectionId);
    const target = this.sessions.get(places.target.connectionId);
    // Refused before the source's tree is listed: this computer's disk has no copy ends.
    if (!source.copy || !target.copy) throw codedError('unsupported', 'coreTransfers:copy.unsupported');
    return this.add(await copySpecs(source, target, places), target.transfers);
  }

  /** Gives S3 objects a new storage class (a copy onto themselves), one queued job per object. */
  async changeStorageClass(connectionId: string, paths: string[], storageClass: string): Promise<TransferSnapshot[]> {
    const session = this.sessions.get(connectionId);
    return this.add(await storageClassSpecs(session, connectionId, paths, storageClass), session.transfers);
  }

  pause(ids: string[]): void {
    for (const job of this.pick(ids)) if (canMove(job.snapshot, 'pause')) this.stop(job, 'pause');
  }

  resume(ids: string[]): void {
    for (const job of this.pick(ids)) if (job.snapshot.state === 'paused') this.requeue(job);
    this.pump();
  }

  /** Stops the transfers and removes what they left (kept multipart uploads, `.part` files). */
  async cancel(ids: string[]): Promise<void> {
    const stopped = this.pick(ids).filter((j) => canMove(j.snapshot, 'cancel'));
    for (const job of stopped) this.stop(job, 'cancel');
    await Promise.all(stopped.map((job) => this.discard(job)));
  }

  /** Starts failed or cancelled transfers again; a failed one continues from its checkpoint. */
  retry(ids: string[]): void {
    for (const job of this.pick(ids)) {
      if (job.snapshot.state === 'failed' || job.snapshot.state === 'cancelled') this.requeue(job);
    }
    this.pump();
  }

  /** Answers a conflict question; `applyToAll` answers every waiting (and later) one the same way. */
  resolveConflict(id: string, choice: ConflictChoice, applyToAll: boolean): void {
    const job = this.jobOf(id);
    const targets = [job];
    if (applyToAll && job.snapshot.direction !== 'storageClass') {
      this.applyToAll[job.snapshot.direction] = choice;
      for (const other of this.jobs.values()) {
        if (other !== job && other.snapshot.state === 'waiting' && other.snapshot.direction === job.snapshot.direction) targets.push(other);
      }
    }
    for (const target of targets) {
      if (target.snapshot.state !== 'waiting') continue;
      target.choice = choice;
      target.snapshot.conflict = undefined;
      this.requeue(target);
    }
    this.pump();
  }

  async clearFinished(): Promise<void> {
    const cleared = [...this.jobs.values()].filter((j) => finishedStates.includes(j.snapshot.state));
    for (const job of cleared) this.jobs.delete(job.snapshot.id);
    // A failed transfer kept its partial work for a retry; nobody will retry it now.
    await Promise.all(cleared.filter((j) => j.snapshot.state === 'failed').map((j) => this.discard(j)));
    this.store?.schedule();
  }

  /**
   * Once a connection is up: jobs a crash interrupted may have left work on the server that
   * nothing names (the driver says which, e.g. an S3 multipart upload whose id never reached
   * the disk); it is cleared now, rather than whenever the user gets round to the paused job.
   */
  async settleLeftovers(connectionId: string): Promise<void> {
    const session = this.sessions.get(connectionId);
    if (!session) return;
    const interrupted = [...this.jobs.values()].filter(
      (j) => j.snapshot.connectionId === connectionId && j.checkpoint && session.transfers.leftUnnamedWork(j.checkpoint) && j.snapshot.state !== 'running',
    );
    for (const job of interrupted) {
      // Kept when the server could not be asked (no permission, offline): the job's next attempt tries again.
      const cleared = await discardPartial(session, job.snapshot, job.checkpoint).then(() => true, () => false);
      if (cleared && job.snapshot.state !== 'running') job.checkpoint = undefined;
    }
    if (interrupted.length) this.store?.schedule();
  }

  /** Resolves when nothing is queued or running (tests and the benchmark use it). */
  async whenIdle(): Promise<void> {
    while (this.running > 0 || [...this.waitingToRun].some((j) => j.snapshot.state === 'queued')) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Stops everything (the app is quitting): running transfers keep their checkpoints. */
  async dispose(): Promise<void> {
    for (const job of this.jobs.values()) {
      this.clockOut(job); // the saved queue keeps the time spent so far
      job.controller?.abort();
    }
    clearInterval(this.ticker);
    await Promise.all([...this.jobs.values()].map((j) => j.settled));
    await this.store?.flush();
  }

  private add(specs: JobSpec[], driver: FileTransferDriver, freeTargets: ReadonlySet<string> = new Set(), choice?: ConflictChoice): TransferSnapshot[] {
    const added = specs.map((spec) => {
      const snapshot: TransferSnapshot = { ...spec, id: randomUUID(), bytesDone: 0, rate: 0, state: 'queued', createdAt: Date.now() };
      const job: Job = { planned: spec.detail, snapshot, meter: new RateMeter(), dirty: false, targetFree: freeTargets.has(snapshot.remotePath), choice };
      this.jobs.set(snapshot.id, job);
      this.waitingToRun.add(job);
      this.bus.emit('transfers:changed', snapshotOf(job));
      return job;
    });
    // One write for the whole batch, before any of it sends a request: a crash after that
    // finds every job again (and, through its checkpoint, what it left on the server).
    const saved = this.store?.flush();
    for (const job of added) job.saved = saved;
    this.pump();
    return added.map(snapshotOf);
  }

  /** Local paths that unfinished downloads write (a failed one keeps its `.part` for a retry). */
  private claimedLocalPaths(except?: Job): ClaimedPaths {
    const claimed = new ClaimedPaths();
    for (const job of this.jobs.values()) {
      const { direction, state, localPath } = job.snapshot;
      if (job !== except && direction === 'download' && state !== 'completed' && state !== 'cancelled') claimed.claim(localPath);
    }
    return claimed;
  }

  private jobOf(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw codedError('notFound', 'coreTransfers:transferGone');
    return job;
  }

  private pick(ids: string[]): Job[] {
    return ids.map((id) => this.jobs.get(id)).filter((j): j is Job => j !== undefined);
  }

  private requeue(job: Job): void {
    move(job.snapshot, 'queue');
    this.waitingToRun.add(job);
    this.changed(job);
  }

  private stop(job: Job, how: 'pause' | 'cancel'): void {
    this.clockOut(job);
    move(job.snapshot, how);
    job.controller?.abort();
    this.changed(job);
  }

  private async discard(job: Job): Promise<void> {
    await job.settled;
    let session: RemoteSession | undefined;
    try {
      session = this.sessions.get(job.snapshot.connectionId);
    } catch {
      session = undefined;
    }
    await discardPartial(session, job.snapshot, job.checkpoint).catch(() => undefined);
    job.checkpoint = undefined;
    if (job.snapshot.state === 'cancelled') {
      job.snapshot.bytesDone = 0;
      job.snapshot.activeMs = undefined;
      // The row says what is left: nothing sent (a retry starts over).
      if (this.jobs.get(job.snapshot.id) === job) this.changed(job);
      return;
    }
    this.store?.schedule();
  }

  private clockOut(job: Job, now = Date.now()): void {
    if (job.runningSince === undefined) return;
    job.snapshot.activeMs = (job.snapshot.activeMs ?? 0) + now - job.runningSince;
    job.runningSince = undefined;
  }

  private changed(job: Job): void {
    job.dirty = false;
    this.bus.emit('transfers:changed', snapshotOf(job));
    this.store?.schedule();
  }

  /** Starts queued jobs in order, at most "files in parallel" at once, small or large. */
  private pump(): void {
    const cap = this.settings.filesInParallel;
    for (const job of this.waitingToRun) {
      if (this.running >= cap) break;
      if (job.snapshot.state !== 'queued' || !this.jobs.has(job.snapshot.id)) {
        this.waitingToRun.delete(job);
        continue;
      }
      this.waitingToRun.delete(job);
      job.settled = this.run(job);
    }
    this.ensureTicker();
  }

  private async run(job: Job): Promise<void> {
    this.running++;
    const controller = new AbortController();
    job.controller = controller;
    const s = job.snapshot;
    move(s, 'start');
    job.runningSince = Date.now();
    job.meter.reset(s.bytesDone);
    this.changed(job);
    try {
      await job.saved;
      const session = this.sessions.get(s.connectionId);
      if (!(await this.settleConflict(job, session, controller.signal))) return;
      let asked = 0;
      for (let attempt = 0; ; attempt++) {
        try {
          job.attemptNotes = undefined;
          const ctx = this.contextFor(job, controller.signal);
          if (s.direction === 'copy') await runCopyAttempt(this.sessions, s, ctx);
          else await runAttempt(session, s, ctx, () => s.state === 'cancelled');
          break;
        } catch (error) {
          if (controller.signal.aborted) return;
          if (error instanceof TargetAppearedError && asked++ < maxAskAgain) {
            // Something appeared at the target meanwhile: the conflict is settled again, from the start.
            this.forgetSettlement(job);
            if (!(await this.settleConflict(job, session, controller.signal))) return;
            attempt--;
            continue;
          }
          const ipc = toIpcError(error, this.options.translators);
          if (!isRetryable(ipc) || attempt >= this.settings.retries) throw error;
          const wait = backoffMs(attempt, this.options.retryBaseMs);
          s.retries = attempt + 1;
          s.detail = [errorNote(ipc), coreMessage('coreTransfers:notes.retrying', { seconds: Math.ceil(wait / 1000), attempt: attempt + 1, retries: this.settings.retries })];
          this.changed(job);
          await sleep(wait, controller.signal);
          if (controller.signal.aborted) return;
        }
      }
      if (controller.signal.aborted) return;
      job.checkpoint = undefined;
      const retried = s.retries ? coreMessage('coreTransfers:notes.completedAfterRetries', { count: s.retries }) : undefined;
      s.detail = notesOrNone([...(job.planned ?? []), retried, ...(job.attemptNotes ?? [])]);
      this.finish(job, 'complete');
    } catch (error) {
      if (controller.signal.aborted) return; // paused or cancelled: already reported
      s.error = toIpcError(error, this.options.translators);
      this.finish(job, 'fail');
    } finally {
      job.controller = undefined;
      this.running--;
      this.pump();
    }
  }

  private finish(job: Job, how: 'complete' | 'fail'): void {
    const now = Date.now();
    this.clockOut(job, now);
    move(job.snapshot, how, now);
    this.changed(job);
  }

  /** Forgets how a job's conflict was settled, so the next settlement looks at the target again. */
  private forgetSettlement(job: Job): void {
    job.onlyIfAbsent = false;
    job.targetFree = false;
    job.checkpoint = undefined;
    // 'overwrite' also marks a settled conflict; a user's own "replace" never writes only if absent.
    if (job.choice === 'overwrite') job.choice = undefined;
  }

  /** False when the job must not move now (waiting for an answer, or skipped). */
  private async settleConflict(job: Job, session: RemoteSession, signal: AbortSignal): Promise<boolean> {
    const s = job.snapshot;
    // A storage class change writes the object onto itself: there is nothing to collide with.
    if (s.direction === 'storageClass' || job.checkpoint || job.choice === 'overwrite') return true;
    // An upload or copy to a target found free writes only while it stays free.
    const writes = s.direction !== 'download';
    if (job.targetFree) {
      job.onlyIfAbsent = writes;
      return true;
    }
    const policy = job.choice ?? this.applyToAll[s.direction] ?? this.settings.conflictPolicy;
    if (policy === 'overwrite') return true;
    const conflict = await findConflict(session, s, s.copySource ? this.sessions.get(s.copySource.connectionId) : undefined);
    if (signal.aborted) return false;
    if (!conflict) {
      job.onlyIfAbsent = writes;
      return true;
    }
    if (policy === 'ask') {
      this.clockOut(job);
      move(s, 'ask');
      s.conflict = conflict;
      this.changed(job);
      this.bus.emit('transfers:conflict', conflict);
      return false;
    }
    const claimed = this.claimedLocalPaths(job);
    const outcome = await applyChoice(session, s, conflict, policy, (path) => claimed.has(path));
    job.choice = 'overwrite'; // settled: a retry must not ask again
    s.detail = notesOrNone([outcome.detail]);
    job.planned = notesOrNone([...(job.planned ?? []), outcome.detail]);
    if (outcome.action === 'skip') {
      this.finish(job, 'complete');
      return false;
    }
    if (outcome.localPath) {
      s.localPath = outcome.localPath;
      s.name = basename(outcome.localPath);
    }
    if (outcome.remotePath) {
      s.remotePath = outcome.remotePath;
      job.onlyIfAbsent = true;
    }
    if (outcome.checkpoint) job.checkpoint = outcome.checkpoint;
    this.changed(job);
    return true;
  }

  private contextFor(job: Job, signal: AbortSignal): JobContext {
    const s = job.snapshot;
    // A copy's bytes come down from one server and go up to another: both limits apply.
    const limiters = s.direction === 'storageClass' ? [] : s.direction === 'copy' ? [this.limits.download, this.limits.upload] : [this.limits[s.direction]];
    return {
      signal,
      onProgress: (bytes) => {
        if (signal.aborted) return;
        s.bytesDone = bytes;
        s.rate = job.meter.sample(bytes);
        s.etaSeconds = s.size !== undefined && s.rate > 0 ? Math.max(0, (s.size - bytes) / s.rate) : undefined;
        job.dirty = true;
      },
      checkpoint: job.checkpoint,
      saveCheckpoint: (checkpoint) => {
        if (signal.aborted && s.state === 'cancelled') return;
        job.checkpoint = checkpoint;
        this.store?.schedule();
      },
      saveCheckpointNow: async (checkpoint) => {
        if (signal.aborted && s.state === 'cancelled') return;
        job.checkpoint = checkpoint;
        await this.store?.flush();
      },
      throttle: async (bytes) => {
        for (const limiter of limiters) await limiter.take(bytes, signal);
      },
      bandwidthLimited: () => limiters.some((l) => l.limited),
      uploadOptions: s.uploadOptions,
      partsInFlight: this.settings.partsInFlight,
      verifyChecksums: this.settings.verifyChecksums,
      multipartThreshold: this.settings.multipartThreshold,
      partSize: this.settings.partSize,
      preservePermissions: this.settings.preservePermissions,
      onlyIfAbsent: job.onlyIfAbsent ?? false,
      note: (message) => {
        // Notes of one attempt add up ("Resumed at byte N." then how it was checked), each once.
        const earlier = job.attemptNotes ?? [];
        if (!earlier.some((n) => n.text === message.text)) job.attemptNotes = [...earlier, message];
        s.detail = job.attemptNotes;
        job.dirty = true;
      },
    };
  }

  private ensureTicker(): void {
    if (this.ticker) return;
    this.ticker = setInterval(() => this.flushProgress(), this.options.progressIntervalMs);
    this.ticker.unref?.();
  }

  private flushProgress(): void {
    const batch: TransferProgress[] = [];
    for (const job of this.jobs.values()) {
      if (!job.dirty) continue;
      job.dirty = false;
      const { id, bytesDone, size, rate, etaSeconds, state } = job.snapshot;
      batch.push({ id, bytesDone, size, rate, etaSeconds, state });
    }
    if (batch.length > 0) this.bus.emit('transfers:progress', batch);
    if (this.running === 0 && batch.length === 0) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }
}

import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { finishedStates, type TransferProgress, type TransferSnapshot } from '../../../shared/transfers.js';
import { AppError, toIpcError, type ErrorTranslator } from '../errors.js';
import type { EventBus } from '../events.js';
import type { RemoteSession } from '../fs/remoteFileSystem.js';
import { expandDownloads, expandUploads } from './expandSources.js';
import { RateMeter } from './rateMeter.js';
import { safeLocalPath } from './safeLocalPath.js';
import { firstFreePath } from './uniquePath.js';

export interface SessionLookup {
  get(connectionId: string): RemoteSession;
}

interface Job {
  snapshot: TransferSnapshot;
  controller?: AbortController;
  meter: RateMeter;
  dirty: boolean;
}

export interface TransferQueueOptions {
  filesInParallel: number;
  progressIntervalMs: number;
  translators: ErrorTranslator[];
}

/**
 * The transfer queue in main: every transfer has an id and a state; the renderer gets
 * throttled progress and full snapshots on state changes, and sends commands by id.
 */
export class TransferQueue {
  private jobs = new Map<string, Job>();
  private running = 0;
  private ticker: NodeJS.Timeout | undefined;
  private readonly options: TransferQueueOptions;

  constructor(
    private readonly sessions: SessionLookup,
    private readonly bus: EventBus,
    options: Partial<TransferQueueOptions> = {},
  ) {
    this.options = { filesInParallel: 3, progressIntervalMs: 100, translators: [], ...options };
  }

  list(): TransferSnapshot[] {
    return [...this.jobs.values()].map((j) => ({ ...j.snapshot }));
  }

  async upload(connectionId: string, localPaths: string[], remoteFolder: string): Promise<TransferSnapshot[]> {
    const session = this.sessions.get(connectionId);
    const items = await expandUploads(session.fs, localPaths, remoteFolder);
    return this.add(
      items.map((i) => ({ direction: 'upload', connectionId, localPath: i.localPath, remotePath: i.remotePath, size: i.size, name: basename(i.localPath) })),
    );
  }

  async download(connectionId: string, remotePaths: string[], localFolder: string): Promise<TransferSnapshot[]> {
    const info = await stat(localFolder).catch(() => null);
    if (!info?.isDirectory()) throw new AppError('notFound', `The download folder does not exist: ${localFolder}`);
    const session = this.sessions.get(connectionId);
    const items = await expandDownloads(session.fs, remotePaths);
    return this.add(
      items.map((i) => {
        const localPath = safeLocalPath(localFolder, i.relativePath);
        return { direction: 'download', connectionId, localPath, remotePath: i.remotePath, size: i.size, name: basename(localPath) };
      }),
    );
  }

  pause(ids: string[]): void {
    for (const job of this.pick(ids)) {
      if (job.snapshot.state === 'queued' || job.snapshot.state === 'running') this.stop(job, 'paused');
    }
  }

  resume(ids: string[]): void {
    for (const job of this.pick(ids)) if (job.snapshot.state === 'paused') this.requeue(job);
    this.pump();
  }

  cancel(ids: string[]): void {
    for (const job of this.pick(ids)) if (!finishedStates.includes(job.snapshot.state)) this.stop(job, 'cancelled');
  }

  retry(ids: string[]): void {
    for (const job of this.pick(ids)) {
      if (job.snapshot.state === 'failed' || job.snapshot.state === 'cancelled') this.requeue(job);
    }
    this.pump();
  }

  clearFinished(): void {
    for (const [id, job] of this.jobs) if (finishedStates.includes(job.snapshot.state)) this.jobs.delete(id);
  }

  /** Resolves when nothing is queued or running (tests and the benchmark use it). */
  async whenIdle(): Promise<void> {
    while ([...this.jobs.values()].some((j) => j.snapshot.state === 'queued' || j.snapshot.state === 'running')) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  dispose(): void {
    for (const job of this.jobs.values()) job.controller?.abort();
    clearInterval(this.ticker);
  }

  private add(specs: Omit<TransferSnapshot, 'id' | 'bytesDone' | 'rate' | 'state' | 'createdAt'>[]): TransferSnapshot[] {
    const added = specs.map((spec) => {
      const snapshot: TransferSnapshot = { ...spec, id: randomUUID(), bytesDone: 0, rate: 0, state: 'queued', createdAt: Date.now() };
      this.jobs.set(snapshot.id, { snapshot, meter: new RateMeter(), dirty: false });
      this.bus.emit('transfers:changed', { ...snapshot });
      return { ...snapshot };
    });
    this.pump();
    return added;
  }

  private pick(ids: string[]): Job[] {
    return ids.map((id) => this.jobs.get(id)).filter((j): j is Job => j !== undefined);
  }

  private requeue(job: Job): void {
    Object.assign(job.snapshot, { state: 'queued', error: undefined, bytesDone: 0, rate: 0, etaSeconds: undefined, finishedAt: undefined });
    this.changed(job);
  }

  private stop(job: Job, state: 'paused' | 'cancelled'): void {
    job.snapshot.state = state;
    job.snapshot.rate = 0;
    job.snapshot.etaSeconds = undefined;
    if (state === 'cancelled') job.snapshot.finishedAt = Date.now();
    job.controller?.abort();
    this.changed(job);
  }

  private changed(job: Job): void {
    job.dirty = false;
    this.bus.emit('transfers:changed', { ...job.snapshot });
  }

  private pump(): void {
    for (const job of this.jobs.values()) {
      if (this.running >= this.options.filesInParallel) break;
      if (job.snapshot.state === 'queued') void this.run(job);
    }
    this.ensureTicker();
  }

  private async run(job: Job): Promise<void> {
    this.running++;
    const controller = new AbortController();
    job.controller = controller;
    const s = job.snapshot;
    s.state = 'running';
    job.meter.reset(0);
    this.changed(job);
    const onProgress = (bytes: number) => {
      if (controller.signal.aborted) return;
      s.bytesDone = bytes;
      s.rate = job.meter.sample(bytes);
      s.etaSeconds = s.size !== undefined && s.rate > 0 ? Math.max(0, (s.size - bytes) / s.rate) : undefined;
      job.dirty = true;
    };
    try {
      const session = this.sessions.get(s.connectionId);
      const ctx = { signal: controller.signal, onProgress };
      if (s.direction === 'upload') {
        await session.transfers.upload(s.localPath, s.remotePath, ctx);
      } else {
        await this.downloadToPart(session, s, ctx);
      }
      if (controller.signal.aborted) return;
      s.state = 'completed';
      if (s.size === undefined) s.size = s.bytesDone;
      s.bytesDone = s.size;
      s.rate = 0;
      s.etaSeconds = 0;
      s.finishedAt = Date.now();
      this.changed(job);
    } catch (error) {
      if (controller.signal.aborted) return; // paused or cancelled: already reported
      s.state = 'failed';
      s.error = toIpcError(error, this.options.translators);
      s.rate = 0;
      s.finishedAt = Date.now();
      this.changed(job);
    } finally {
      this.running--;
      this.pump();
    }
  }

  /** Downloads to `name.part` beside the target and renames into place only when complete. */
  private async downloadToPart(session: RemoteSession, s: TransferSnapshot, ctx: { signal: AbortSignal; onProgress: (n: number) => void }) {
    await mkdir(dirname(s.localPath), { recursive: true });
    const target = await firstFreePath(s.localPath);
    const part = `${target}.part`;
    try {
      await session.transfers.download(s.remotePath, part, ctx);
      if (ctx.signal.aborted) return;
      const written = (await stat(part)).size;
      if (s.size !== undefined && written !== s.size) {
        throw new AppError('network', `The download is incomplete: ${written} of ${s.size} bytes arrived.`);
      }
      s.size = written;
      await rename(part, target);
      s.localPath = target;
      s.name = basename(target);
    } catch (error) {
      if (ctx.signal.aborted && this.jobs.get(s.id)?.snapshot.state === 'cancelled') await rm(part, { force: true });
      throw error;
    }
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

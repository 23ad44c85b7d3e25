import type { SyncPairDraft, SyncPlan, SyncRunResult, SyncRunSummary } from '../../../shared/contract/sync.js';
import { finishedStates, type TransferSnapshot } from '../../../shared/transfers.js';
import { codedError } from '../errors.js';
import type { EventBus } from '../events.js';
import type { RemoteSession } from '../fs/remoteFileSystem.js';
import type { TransferQueue } from '../transfers/transferQueue.js';
import type { SyncPairStore } from './syncPairStore.js';
import { planSync, publicPlan, type FullPlan, type SyncSessions } from './syncPlan.js';
import { runSync } from './syncRun.js';

/** Plans kept for `sync:run`, newest last; a few at most (one per open preview). */
const plansKept = 8;

/** Folder sync: plans (kept here until they run), runs, and the saved pairs. */
export class SyncService {
  private plans: FullPlan[] = [];

  constructor(
    private readonly sessions: { get(connectionId: string): RemoteSession },
    private readonly transfers: TransferQueue,
    readonly pairs: SyncPairStore,
    private readonly events?: EventBus,
  ) {}

  private sessionsOf(pair: SyncPairDraft): SyncSessions {
    return { remote: this.sessions.get(pair.connectionId), ...(pair.peer ? { peer: this.sessions.get(pair.peer.connectionId) } : {}) };
  }

  async plan(pair: SyncPairDraft, pairId?: string): Promise<SyncPlan> {
    const onChecksumProgress = (done: number, total: number) =>
      this.events?.emit('sync:checksumProgress', { connectionId: pair.connectionId, remotePath: pair.remotePath, done, total });
    const plan = await planSync(this.sessionsOf(pair), pair, pairId, undefined, onChecksumProgress);
    this.plans = [...this.plans.slice(-(plansKept - 1)), plan];
    return publicPlan(plan);
  }

  async run(planId: string, skip: number[], confirmDeletes: number | undefined): Promise<SyncRunResult> {
    const plan = this.plans.find((p) => p.planId === planId);
    if (!plan) throw codedError('notFound', 'coreSync:planGone');
    const result = await runSync(plan, this.sessionsOf(plan.pair), this.transfers, new Set(skip), confirmDeletes);
    // A plan runs once: a second run would repeat deletes and uploads that are already done.
    this.plans = this.plans.filter((p) => p !== plan);
    if (plan.pairId) {
      await this.pairs.recordRun(plan.pairId, result.summary);
      this.recordOutcome(plan.pairId, result.summary, result.transferIds);
    }
    return result;
  }

  /**
   * A pair's last run says what its transfers did once they have all finished: those that
   * failed or were cancelled count as failed, not as copied.
   */
  private recordOutcome(pairId: string, queued: SyncRunSummary, ids: string[]): void {
    if (!this.events || ids.length === 0) return;
    const open = new Set(ids);
    let completed = 0;
    let failed = 0;
    const settle = (t: TransferSnapshot) => {
      if (!open.has(t.id) || !finishedStates.includes(t.state)) return;
      open.delete(t.id);
      if (t.state === 'completed') completed++;
      else failed++;
      if (open.size > 0) return;
      stop();
      const moved = queued.uploaded > 0 ? { uploaded: completed } : { downloaded: completed };
      void this.pairs.recordRun(pairId, { ...queued, ...moved, failed: queued.failed + failed }).then(
        () => this.events?.emit('sync:pairChanged', { pairId }),
        () => undefined,
      );
    };
    const stop = this.events.subscribe((channel, payload) => {
      if (channel === 'transfers:changed') settle(payload as TransferSnapshot);
    });
    // Some may have finished while the run's deletes went on.
    for (const id of ids) settle(this.transfers.get(id));
  }
}

import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { syncPairDraft, type SyncPair, type SyncPairDraft, type SyncRunSummary } from '../../../shared/contract/sync.js';
import { codedError } from '../errors.js';
import { writeFileAtomic } from '../lib/atomicWrite.js';

/** A saved pair as read back: the draft's fields checked again, anything else dropped. */
function pairFrom(raw: unknown): SyncPair | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const draft = syncPairDraft.safeParse({
    name: r['name'],
    localPath: r['localPath'],
    peer: r['peer'] ?? undefined,
    connectionId: r['connectionId'],
    remotePath: r['remotePath'],
    direction: r['direction'],
    deleteExtras: r['deleteExtras'],
    excludes: r['excludes'],
    compare: r['compare'] ?? undefined,
  });
  if (!draft.success || typeof r['id'] !== 'string') return undefined;
  const last = r['lastRun'] as SyncRunSummary | undefined;
  return { ...draft.data, id: r['id'], ...(last && typeof last.at === 'number' ? { lastRun: last } : {}) };
}

/** `syncPairs.json` in the app's data folder, written atomically; a missing or unreadable file means none. */
export class SyncPairStore {
  private pairs: SyncPair[] = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly dataDir: string) {}

  private get path(): string {
    return join(this.dataDir, 'syncPairs.json');
  }

  async load(): Promise<void> {
    const parsed: unknown = await readFile(this.path, 'utf8')
      .then((text) => JSON.parse(text) as unknown)
      .catch(() => undefined);
    this.pairs = Array.isArray(parsed) ? parsed.map(pairFrom).filter((p): p is SyncPair => p !== undefined) : [];
  }

  list(): SyncPair[] {
    return this.pairs.map((p) => ({ ...p }));
  }

  get(id: string): SyncPair {
    const pair = this.pairs.find((p) => p.id === id);
    if (!pair) throw codedError('notFound', 'coreSync:pairGone');
    return { ...pair };
  }

  async save(draft: SyncPairDraft, id?: string): Promise<SyncPair> {
    const old = id ? this.get(id) : undefined;
    const pair: SyncPair = { ...draft, id: old?.id ?? randomUUID(), ...(old?.lastRun ? { lastRun: old.lastRun } : {}) };
    this.pairs = old ? this.pairs.map((p) => (p.id === pair.id ? pair : p)) : [...this.pairs, pair];
    await this.write();
    return { ...pair };
  }

  async remove(id: string): Promise<void> {
    this.pairs = this.pairs.filter((p) => p.id !== id);
    await this.write();
  }

  async recordRun(id: string, summary: SyncRunSummary): Promise<void> {
    if (!this.pairs.some((p) => p.id === id)) return;
    this.pairs = this.pairs.map((p) => (p.id === id ? { ...p, lastRun: summary } : p));
    await this.write();
  }

  /** One write at a time, each with the latest list. */
  private write(): Promise<void> {
    this.writing = this.writing.catch(() => undefined).then(() => writeFileAtomic(this.path, JSON.stringify(this.pairs, null, 2)));
    return this.writing;
  }
}

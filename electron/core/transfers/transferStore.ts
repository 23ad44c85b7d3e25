import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultTransferSettings, type TransferSettings, type TransferSnapshot } from '../../../shared/transfers.js';
import { writeFileAtomic } from '../lib/atomicWrite.js';
import type { Checkpoint } from './jobContext.js';

export interface StoredJob {
  snapshot: TransferSnapshot;
  checkpoint?: Checkpoint;
}

export interface StoredQueue {
  settings: TransferSettings;
  jobs: StoredJob[];
}

/** A queue saved before notes had keys holds a detail in English only: it is shown as it was. */
function withNoteList(job: StoredJob): StoredJob {
  const detail: unknown = job.snapshot.detail;
  if (typeof detail === 'string') return { ...job, snapshot: { ...job.snapshot, detail: [{ key: '', text: detail }] } };
  if (detail !== undefined && !Array.isArray(detail)) return { ...job, snapshot: { ...job.snapshot, detail: undefined } };
  return job;
}

/**
 * The queue on disk (`transfers.json` in the data folder): snapshots, settings and each
 * transfer's checkpoint. Writes are coalesced (at most one every `delayMs`) and atomic,
 * so a crash leaves the previous or the next state, never half of one.
 */
export class TransferStore {
  readonly path: string;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly read: () => StoredQueue,
    /** Writes wait this long, plus a little per transfer so a long queue is not rewritten 4 times a second. */
    private readonly delayMs = 250,
    private readonly size: () => number = () => 0,
  ) {
    this.path = join(dataDir, 'transfers.json');
  }

  async load(): Promise<StoredQueue> {
    try {
      const parsed = JSON.parse(await readFile(this.path, 'utf8')) as Partial<StoredQueue> & { version?: number };
      return {
        settings: { ...defaultTransferSettings, ...parsed.settings },
        jobs: Array.isArray(parsed.jobs) ? parsed.jobs.filter((j) => j && typeof j.snapshot?.id === 'string').map(withNoteList) : [],
      };
    } catch {
      return { settings: { ...defaultTransferSettings }, jobs: [] };
    }
  }

  /** Asks for a write soon; many calls in a burst make one write. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, Math.min(2000, this.delayMs + this.size()));
    this.timer.unref?.();
  }

  /** Writes now (after any write in progress). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const state = this.read();
    this.writing = this.writing.then(() => writeFileAtomic(this.path, JSON.stringify({ version: 1, ...state }))).catch(() => undefined);
    return this.writing;
  }
}

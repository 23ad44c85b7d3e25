import { formatBytes, plural } from '../../shared/format.js';
import { underwayStates, type TransferSnapshot } from '../../shared/transfers.js';

/** What main shows in an OS notification when the queue goes idle. */
export interface BatchNotice {
  title: string;
  body: string;
}

/** A batch shorter than this finished while the user watched, or near enough: no notification. */
const worthTelling = 5_000;

const isActive = (t: TransferSnapshot) => underwayStates.includes(t.state);

/**
 * The transfers that finished since the queue last went idle, summed up once it does: main
 * shows the notice when no Stowage window has the focus. Cancelled ones are left out (the
 * user stopped them), and so is a batch that took under five seconds.
 */
export class FinishedBatch {
  private startedAt: number | undefined;
  /** The last finished snapshot of each transfer in the batch (a retried one is active again, so not here). */
  private readonly finished = new Map<string, TransferSnapshot>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes a `transfers:changed` snapshot. */
  note(t: TransferSnapshot): void {
    if (isActive(t)) {
      this.startedAt ??= this.now();
      this.finished.delete(t.id);
    } else if (t.state === 'completed' || t.state === 'failed') {
      this.finished.set(t.id, t);
    } else {
      this.finished.delete(t.id); // cancelled or paused: nothing to report
    }
  }

  /** Once nothing is queued, running or waiting: the notice (if worth one), and a fresh batch. */
  takeIfIdle(transfers: readonly TransferSnapshot[]): BatchNotice | undefined {
    if (this.startedAt === undefined || transfers.some(isActive)) return undefined;
    const notice = this.now() - this.startedAt >= worthTelling ? noticeFor([...this.finished.values()]) : undefined;
    this.startedAt = undefined;
    this.finished.clear();
    return notice;
  }
}

function noticeFor(finished: TransferSnapshot[]): BatchNotice | undefined {
  const completed = (direction: TransferSnapshot['direction']) => finished.filter((t) => t.state === 'completed' && t.direction === direction);
  const bytes = (list: TransferSnapshot[]) => formatBytes(list.reduce((sum, t) => sum + (t.size ?? t.bytesDone), 0));
  const named = (list: TransferSnapshot[], noun: string) => (list.length === 1 ? list[0]!.name : plural(list.length, noun));
  const up = completed('upload');
  const down = completed('download');
  const classes = completed('storageClass');
  const failed = finished.filter((t) => t.state === 'failed').length;
  const lines: string[] = [];
  if (up.length) lines.push(`Uploaded ${named(up, 'file')} (${bytes(up)})`);
  if (down.length) lines.push(`Downloaded ${named(down, 'file')} (${bytes(down)})`);
  if (classes.length) lines.push(`Changed the storage class of ${named(classes, 'object')}`);
  if (failed) lines.push(`${plural(failed, 'transfer')} failed: open Stowage to see why`);
  if (lines.length === 0) return undefined;
  return { title: failed ? 'Transfers finished, with errors' : 'Transfers finished', body: lines.join('\n') };
}

import { formatBytes } from '../../shared/format.js';
import { underwayStates, type TransferSnapshot } from '../../shared/transfers.js';
import { mainWords } from './mainWords.js';

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
  const { t, language } = mainWords;
  const completed = (direction: TransferSnapshot['direction']) => finished.filter((s) => s.state === 'completed' && s.direction === direction);
  const size = (list: TransferSnapshot[]) => formatBytes(list.reduce((sum, s) => sum + (s.size ?? s.bytesDone), 0), language);
  /** "Uploaded report.pdf (3.1 MB)" for one, "Uploaded 2 files (4.0 MB)" for more. */
  const line = (list: TransferSnapshot[], one: string, many: string) =>
    list.length === 1 ? t(one, { name: list[0]!.name, size: size(list) }) : t(many, { count: list.length, size: size(list) });
  const up = completed('upload');
  const down = completed('download');
  const copied = completed('copy');
  const classes = completed('storageClass');
  const failed = finished.filter((s) => s.state === 'failed').length;
  const lines: string[] = [];
  if (up.length) lines.push(line(up, 'main:batch.uploadedOne', 'main:batch.uploaded'));
  if (down.length) lines.push(line(down, 'main:batch.downloadedOne', 'main:batch.downloaded'));
  if (copied.length) lines.push(line(copied, 'main:batch.copiedOne', 'main:batch.copied'));
  if (classes.length) lines.push(line(classes, 'main:batch.storageClassOne', 'main:batch.storageClass'));
  if (failed) lines.push(t('main:batch.failed', { count: failed }));
  if (lines.length === 0) return undefined;
  return { title: t(failed ? 'main:batch.titleWithErrors' : 'main:batch.title'), body: lines.join('\n') };
}

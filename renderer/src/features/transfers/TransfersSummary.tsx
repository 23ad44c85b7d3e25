/** Overall progress in the strip's header: counts, a bar, speed and time left. */
import { formatBytes, formatEta, formatRate } from '../../lib/format.js';
import type { TransferTotals } from './transferStore.js';

export function TransfersSummary({ totals }: { totals: TransferTotals }) {
  if (totals.count === 0) return <span className="transfers-summary muted">No transfers</span>;
  if (totals.active === 0) {
    const failed = totals.failed ? ` · ${totals.failed} failed` : '';
    return (
      <span className="transfers-summary muted">
        All done{failed}
      </span>
    );
  }
  const fraction = totals.bytesTotal > 0 ? Math.min(1, totals.bytesDone / totals.bytesTotal) : 0;
  const percent = Math.floor(fraction * 100);
  const waiting = totals.active - totals.running;
  // Speed and time left first: when the strip is narrow, the counts are what gets cut.
  const parts = [
    formatRate(totals.rate),
    formatEta(totals.eta),
    `${formatBytes(totals.bytesDone)} of ${formatBytes(totals.bytesTotal)}`,
    `${totals.running} running${waiting ? `, ${waiting} waiting` : ''}`,
  ].filter(Boolean);
  const text = parts.join(' · ');
  return (
    <span className="transfers-summary">
      <span
        className="progress overall"
        role="progressbar"
        aria-label="Overall progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span className="progress-fill" style={{ width: `${fraction * 100}%` }} />
      </span>
      <span className="transfers-percent">{percent}%</span>
      <span className="transfers-summary-text muted" title={text}>
        {text}
      </span>
    </span>
  );
}

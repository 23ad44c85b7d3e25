/** Overall progress in the strip's header: counts, a bar, speed and time left. */
import { useTranslation } from 'react-i18next';
import type { TransferTotals } from './transferStore.js';
import { activeText, finishedText } from './summaryText.js';
import { formatBytes, formatEta, formatRate } from '../../lib/format.js';

export function TransfersSummary({ totals }: { totals: TransferTotals }) {
  const { t } = useTranslation();
  if (totals.count === 0) return <span className="transfers-summary muted">{t('transfers:panel.none')}</span>;
  if (totals.active === 0) return <span className="transfers-summary muted">{finishedText(totals)}</span>;
  const fraction = totals.bytesTotal > 0 ? Math.min(1, totals.bytesDone / totals.bytesTotal) : 0;
  const percent = Math.floor(fraction * 100);
  // Speed and time left first: when the strip is narrow, the counts are what gets cut.
  const parts = [
    formatRate(totals.rate),
    formatEta(totals.eta),
    t('transfers:row.bytesOf', { done: formatBytes(totals.bytesDone), total: formatBytes(totals.bytesTotal) }),
    activeText(totals),
  ].filter(Boolean);
  const text = parts.join(' · ');
  return (
    <span className="transfers-summary">
      <span
        className="progress overall"
        role="progressbar"
        aria-label={t('transfers:panel.overall')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span className="progress-fill" style={{ width: `${fraction * 100}%` }} />
      </span>
      <span className="transfers-percent">{t('transfers:panel.percent', { percent })}</span>
      <span className="transfers-summary-text muted" title={text}>
        {text}
      </span>
    </span>
  );
}

/** Pieces a file row and a folder row share: the kind badge and the progress bar. */
import type { TransferSnapshot } from '../../../../shared/transfers.js';
import { useTranslation } from 'react-i18next';
import { KindIcon } from './KindIcon.js';

export function KindBadge({ transfer, label }: { transfer: TransferSnapshot; label: string }) {
  return (
    <span className={`transfer-dir ${transfer.direction}`} title={label}>
      <KindIcon transfer={transfer} />
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

export function RowProgress({ name, fraction }: { name: string; fraction: number }) {
  const { t } = useTranslation();
  return (
    <span className="progress" role="progressbar" aria-label={t('transfers:row.progress', { name })} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.floor(fraction * 100)}>
      <span className="progress-fill" style={{ width: `${fraction * 100}%` }} />
    </span>
  );
}

/** The Object Lock part of an S3 object's Properties: its retention, and its legal hold with a switch. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectLockState, ObjectProperties } from '../../../../shared/s3Objects.js';
import { api, unwrap } from '../../api/client.js';
import { formatDateLong } from '../../lib/format.js';
import { setLegalHolds } from './legalHoldActions.js';

interface Props {
  connectionId: string;
  path: string;
  lock: ObjectLockState;
  /** The properties read again after the legal hold changed. */
  onChanged(props: ObjectProperties): void;
}

export function ObjectLockFacts({ connectionId, path, lock, onChanged }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const retained = lock.retainUntil !== undefined && lock.retainUntil > Date.now();
  const retention = !retained
    ? t('buckets:objectLock.facts.noRetention')
    : lock.retentionMode === 'COMPLIANCE'
      ? t('buckets:objectLock.facts.complianceUntil', { until: formatDateLong(lock.retainUntil) })
      : t('buckets:objectLock.facts.governanceUntil', { until: formatDateLong(lock.retainUntil) });
  const toggle = async () => {
    setBusy(true);
    if (await setLegalHolds(connectionId, [path], !lock.legalHold)) {
      await unwrap(api().s3.properties({ connectionId, path })).then(onChanged, () => undefined);
    }
    setBusy(false);
  };
  return (
    <>
      <div className="form-section">{t('buckets:objectLock.title')}</div>
      <dl className="facts" data-testid="object-lock-facts">
        <dt>{t('buckets:objectLock.facts.retention')}</dt>
        <dd data-testid="object-retention">{retention}</dd>
        <dt>{t('buckets:objectLock.facts.legalHold')}</dt>
        <dd>
          <span className={`bucket-badge ${lock.legalHold ? 'ok' : 'neutral'}`} data-testid="object-legal-hold" data-on={String(lock.legalHold)}>
            {lock.legalHold ? t('buckets:objectLock.facts.holdOn') : t('buckets:objectLock.facts.holdOff')}
          </span>{' '}
          <button type="button" className="btn small" disabled={busy} onClick={() => void toggle()}>
            {lock.legalHold ? t('buckets:menu.legalHoldOff') : t('buckets:menu.legalHoldOn')}
          </button>
        </dd>
      </dl>
    </>
  );
}

/** Asks S3 to thaw an archived object for some days, with a retrieval tier valid for its class. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { restoreTiersFor, type RestoreStatus, type RestoreTier } from '../../../../shared/buckets.js';
import { baseName } from '../../../../shared/paths.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { DialogAlert, DialogFooter } from '../../components/dialogs/DialogFooter.js';
import { Modal } from '../../components/dialogs/Modal.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { formatDateLong, formatStorageClass } from '../../lib/format.js';
import { t as translate } from '../../i18n/i18n.js';
import { showInfo } from '../../state/toasts.js';
import { restoreDialog } from './dialogs.js';
import { loadRestoreStatus } from './restoreStatusStore.js';

/** S3's retrieval tiers with their words. */
const tierKeys: Record<RestoreTier, string> = {
  Expedited: 'buckets:restore.tier.expedited',
  Standard: 'buckets:restore.tier.standard',
  Bulk: 'buckets:restore.tier.bulk',
};

function describeStatus(status: RestoreStatus): string {
  switch (status.state) {
    case 'archived':
      return translate('buckets:restore.status.archived');
    case 'inProgress':
      return translate('buckets:restore.status.inProgress');
    case 'restored':
      return status.expires ? translate('buckets:restore.status.restoredUntil', { date: formatDateLong(status.expires) }) : translate('buckets:restore.status.restored');
    case 'notArchived':
      return translate('buckets:restore.status.notArchived');
  }
}

export function RestoreDialog({ connectionId, path, storageClass }: { connectionId: string; path: string; storageClass: string }) {
  const { t } = useTranslation();
  const tiers = restoreTiersFor(storageClass);
  const [days, setDays] = useState('7');
  const [tier, setTier] = useState<RestoreTier>('Standard');
  const [status, setStatus] = useState<RestoreStatus | null>(null);
  const { busy, error, setError, run: submit } = useSubmit();
  useEffect(() => {
    unwrap(api().buckets.restoreStatus({ connectionId, path })).then(setStatus, (e: unknown) => setError(toApiError(e).message));
  }, [connectionId, path]);
  const close = restoreDialog.close;
  const dayCount = Number(days);
  const daysProblem = Number.isInteger(dayCount) && dayCount >= 1 ? null : t('buckets:restore.daysProblem');
  const run = async () => {
    await submit(async () => {
      await unwrap(api().buckets.restoreObject({ connectionId, path, days: dayCount, tier }));
      showInfo(t('buckets:restore.requested', { name: baseName(path) }));
      loadRestoreStatus(connectionId, path, true);
      close();
    });
  };
  return (
    <Modal title={t('buckets:restore.title', { name: baseName(path) })} onCancel={close} className="small-dialog">
      <div className="modal-body bucket-fields">
        <p>
          {formatStorageClass(storageClass)}. {status ? describeStatus(status) : t('buckets:restore.reading')}
        </p>
        <label>
          {t('buckets:restore.days')}
          <input className="input" inputMode="numeric" value={days} onChange={(e) => setDays(e.currentTarget.value)} />
        </label>
        {daysProblem ? <div className="field-error">{daysProblem}</div> : null}
        <label>
          {t('buckets:restore.tierLabel')}
          <select className="select" aria-label={t('buckets:restore.tierLabel')} value={tier} onChange={(e) => setTier(e.currentTarget.value as RestoreTier)}>
            {tiers.map((tier) => (
              <option key={tier} value={tier}>
                {t(tierKeys[tier])}
              </option>
            ))}
          </select>
        </label>
        <DialogAlert message={error} />
      </div>
      <DialogFooter onCancel={close} action={t('buckets:restore.action')} onAction={() => void run()} actionDisabled={busy || !!daysProblem || status?.state === 'inProgress'} />
    </Modal>
  );
}

/** Asks S3 to thaw an archived object for some days, with a retrieval tier valid for its class. */
import { useEffect, useState } from 'react';
import { restoreTiersFor, type RestoreStatus, type RestoreTier } from '../../../../shared/buckets.js';
import { baseName } from '../../../../shared/paths.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { DialogAlert, DialogFooter } from '../../components/dialogs/DialogFooter.js';
import { Modal } from '../../components/dialogs/Modal.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { formatDateLong, formatStorageClass } from '../../lib/format.js';
import { showInfo } from '../../state/toasts.js';
import { restoreDialog } from './dialogs.js';
import { loadRestoreStatus } from './restoreStatusStore.js';

function describeStatus(status: RestoreStatus): string {
  switch (status.state) {
    case 'archived':
      return 'Archived: it must be restored before it can be downloaded.';
    case 'inProgress':
      return 'A restore is in progress: S3 takes minutes to hours depending on the tier.';
    case 'restored':
      return status.expires ? `Restored: downloadable until ${formatDateLong(status.expires)}.` : 'Restored: downloadable now.';
    case 'notArchived':
      return 'Not archived: it can be downloaded as it is.';
  }
}

export function RestoreDialog({ connectionId, path, storageClass }: { connectionId: string; path: string; storageClass: string }) {
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
  const daysProblem = Number.isInteger(dayCount) && dayCount >= 1 ? null : 'Enter a whole number of days (1 or more).';
  const run = async () => {
    await submit(async () => {
      await unwrap(api().buckets.restoreObject({ connectionId, path, days: dayCount, tier }));
      showInfo(`Restore of ${baseName(path)} requested.`);
      loadRestoreStatus(connectionId, path, true);
      close();
    });
  };
  return (
    <Modal title={`Restore “${baseName(path)}”`} onCancel={close} className="small-dialog">
      <div className="modal-body bucket-fields">
        <p>
          {formatStorageClass(storageClass)}. {status ? describeStatus(status) : 'Reading its restore status…'}
        </p>
        <label>
          Keep the restored copy for (days)
          <input className="input" inputMode="numeric" value={days} onChange={(e) => setDays(e.currentTarget.value)} />
        </label>
        {daysProblem ? <div className="field-error">{daysProblem}</div> : null}
        <label>
          Retrieval tier
          <select className="select" aria-label="Retrieval tier" value={tier} onChange={(e) => setTier(e.currentTarget.value as RestoreTier)}>
            {tiers.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <DialogAlert message={error} />
      </div>
      <DialogFooter onCancel={close} action="Restore" onAction={() => void run()} actionDisabled={busy || !!daysProblem || status?.state === 'inProgress'} />
    </Modal>
  );
}

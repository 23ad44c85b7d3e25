/** Deletes a bucket: refused politely when it has content, or emptied first after typing its name. */
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { EmptyBucketCount } from '../../../../shared/buckets.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { DialogAlert, DialogFooter } from '../../components/dialogs/DialogFooter.js';
import { Modal } from '../../components/dialogs/Modal.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { WarningIcon } from '../../components/icons.js';
import { refresh } from '../browser/navigation.js';
import { bucketSettingsDialog, deleteBucketDialog } from './dialogs.js';

export function DeleteBucketDialog({ connectionId, bucket }: { connectionId: string; bucket: string }) {
  const { t } = useTranslation();
  const [count, setCount] = useState<EmptyBucketCount | null>(null);
  const [typed, setTyped] = useState('');
  const { busy, error, setError, run: submit } = useSubmit();
  const [removed, setRemoved] = useState(0);
  const close = deleteBucketDialog.close;
  useEffect(() => {
    unwrap(api().buckets.countForEmpty({ connectionId, bucket })).then(setCount, (e: unknown) => setError(toApiError(e).message));
  }, [connectionId, bucket]);
  const total = count ? count.versions + count.deleteMarkers : 0;
  const jobId = `delete-${bucket}`;
  useEffect(() => api().buckets.onJobProgress((p) => p.jobId === jobId && setRemoved(p.done)), [jobId]);

  const ready = !!count && !busy && (total === 0 || typed === bucket);
  const run = async () => {
    if (!ready) return;
    await submit(async () => {
      await unwrap(api().buckets.delete({ connectionId, bucket, empty: total > 0, confirmName: typed, jobId }));
      close();
      bucketSettingsDialog.close();
      refresh(connectionId);
    });
  };

  return (
    <Modal title={t('buckets:delete.title', { bucket })} onCancel={close} role="alertdialog" className="small-dialog" icon={<WarningIcon size={20} />}>
      <form
        className="modal-body form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        {!count && !error ? <p>{t('buckets:delete.counting')}</p> : null}
        {count && total === 0 ? <p>{t('buckets:delete.empty')}</p> : null}
        {count && total > 0 ? (
          <>
            <p data-testid="empty-count">
              {t('buckets:delete.notEmpty', {
                versions: t('buckets:delete.versions', { count: count.versions }),
                markers: t('buckets:delete.markers', { count: count.deleteMarkers }),
              })}
            </p>
            <label className="bucket-confirm">
              <span className="bucket-confirm-prompt">
                <Trans i18nKey="buckets:delete.typeToConfirm" values={{ bucket }} components={{ 1: <strong className="mono" data-user-text /> }} />
              </span>
              <input className="input mono" aria-label={t('buckets:delete.confirmLabel')} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} autoFocus />
            </label>
            {busy ? <p>{t('buckets:delete.progress', { removed, total })}</p> : null}
          </>
        ) : null}
        <DialogAlert message={error} />
        <DialogFooter onCancel={close} action={total > 0 ? t('buckets:delete.emptyAndDelete') : t('buckets:delete.action')} actionDisabled={!ready} danger />
      </form>
    </Modal>
  );
}

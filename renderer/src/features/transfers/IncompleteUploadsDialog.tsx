/** A bucket's multipart uploads that were never completed or aborted (billed as storage): list and abort. */
import './transfers.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncompleteUpload } from '../../../../shared/transfers.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { formatBytes, formatDate, formatDateLong, formatStorageClass } from '../../lib/format.js';
import { askConfirm } from '../../state/dialogs.js';
import { showInfo } from '../../state/toasts.js';
import { transferDialog } from './dialogs.js';
import { FormError } from '../../components/dialogs/FormError.js';

export function IncompleteUploadsDialog({ connectionId, bucket }: { connectionId: string; bucket: string }) {
  const { t } = useTranslation();
  const close = transferDialog.close;
  const [uploads, setUploads] = useState<IncompleteUpload[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setProblem(null);
    try {
      setUploads(await unwrap(api().transfers.listIncompleteUploads({ connectionId, bucket })));
    } catch (caught) {
      setProblem(toApiError(caught).message);
    }
  }, [connectionId, bucket]);

  useEffect(() => {
    void load();
  }, [load]);

  const abort = async (targets: IncompleteUpload[], all: boolean) => {
    const one = all ? undefined : targets[0];
    const ok = await askConfirm({
      title: one ? t('transfers:incomplete.confirmOneTitle') : t('transfers:incomplete.confirmAllTitle'),
      message: one ? t('transfers:incomplete.confirmOne', { key: one.key, bucket }) : t('transfers:incomplete.confirmAll', { count: targets.length, bucket }),
      confirmLabel: one ? t('transfers:incomplete.confirmOneButton') : t('transfers:incomplete.abortAll'),
      danger: true,
    });
    if (!ok) return;
    setBusy(true);
    try {
      const count = await unwrap(
        api().transfers.abortIncompleteUploads({ connectionId, bucket, uploads: targets.map(({ key, uploadId }) => ({ key, uploadId })) }),
      );
      showInfo(t('transfers:incomplete.aborted', { count }));
    } catch (caught) {
      setProblem(toApiError(caught).message);
    }
    setBusy(false);
    await load();
  };

  return (
    <Modal title={t('transfers:incomplete.title', { bucket })} className="incomplete-uploads" onCancel={close}>
      <div className="modal-body">
        <p className="muted">{t('transfers:incomplete.intro')}</p>
        <FormError message={problem} />
        {uploads === null && !problem ? <p className="muted">{t('transfers:incomplete.loading')}</p> : null}
        {uploads?.length === 0 ? <p className="incomplete-empty">{t('transfers:incomplete.empty')}</p> : null}
        {uploads && uploads.length > 0 ? (
          <table className="incomplete-table" aria-label={t('transfers:incomplete.table')}>
            <thead>
              <tr>
                <th scope="col">{t('transfers:incomplete.key')}</th>
                <th scope="col">{t('transfers:incomplete.started')}</th>
                <th scope="col">{t('transfers:incomplete.parts')}</th>
                <th scope="col">{t('transfers:incomplete.class')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('transfers:incomplete.actionsColumn')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {uploads.map((u) => (
                <tr key={u.uploadId} data-key={u.key}>
                  <td className="incomplete-key" title={t('transfers:incomplete.keyTitle', { key: u.key, uploadId: u.uploadId })} data-user-text>
                    {u.key}
                  </td>
                  <td title={u.initiated ? formatDateLong(u.initiated) : undefined}>{u.initiated ? formatDate(u.initiated) : '—'}</td>
                  <td>{u.parts !== undefined ? t('transfers:incomplete.partsValue', { count: u.parts, size: formatBytes(u.bytes) }) : '—'}</td>
                  <td>{u.storageClass ? formatStorageClass(u.storageClass) : '—'}</td>
                  <td className="align-end">
                    <button type="button" className="btn small" disabled={busy} aria-label={t('transfers:incomplete.abortKey', { key: u.key })} onClick={() => void abort([u], false)}>
                      {t('transfers:incomplete.abort')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
      <ModalFooter start={uploads && uploads.length > 0 ? t('transfers:incomplete.count', { count: uploads.length }) : undefined}>
        <button type="button" className="btn" onClick={() => void load()} disabled={busy}>
          {t('transfers:incomplete.refresh')}
        </button>
        <button type="button" className="btn btn-danger" disabled={busy || !uploads?.length} onClick={() => void abort(uploads ?? [], true)}>
          {t('transfers:incomplete.abortAll')}
        </button>
        <button type="button" className="btn btn-primary" onClick={close}>
          {t('transfers:incomplete.close')}
        </button>
      </ModalFooter>
    </Modal>
  );
}

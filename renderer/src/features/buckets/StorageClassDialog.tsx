/** Picks a new storage class for the selected files and folders, then queues one change per object in Transfers. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { storageClasses } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { DialogAlert, DialogFooter } from '../../components/dialogs/DialogFooter.js';
import { Modal } from '../../components/dialogs/Modal.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { formatStorageClass } from '../../lib/format.js';
import { showInfo } from '../../state/toasts.js';
import { useTransfers } from '../transfers/transferStore.js';
import { storageClassDialog } from './dialogs.js';

export function StorageClassDialog({ connectionId, paths }: { connectionId: string; paths: string[] }) {
  const { t } = useTranslation();
  const [storageClass, setStorageClass] = useState('STANDARD_IA');
  const { busy, error, run: submit } = useSubmit();
  const close = storageClassDialog.close;
  const folders = paths.filter((p) => p.endsWith('/')).length;
  const files = paths.length - folders;
  const what = folders
    ? t('buckets:storageClass.copiesWithFolders', {
        files: t('buckets:storageClass.files', { count: files }),
        folders: t('buckets:storageClass.folders', { count: folders }),
      })
    : t('buckets:storageClass.copiesFiles', { count: files });

  const run = async () => {
    await submit(async () => {
      const queued = await unwrap(api().transfers.changeStorageClass({ connectionId, paths, storageClass }));
      useTransfers.getState().addStarted(queued);
      if (queued.length === 0) showInfo(t('buckets:storageClass.nothing'));
      close();
    });
  };

  return (
    <Modal title={t('buckets:storageClass.title')} onCancel={close} className="small-dialog">
      <div className="modal-body bucket-fields">
        <p>{what}</p>
        <label>
          {t('buckets:storageClass.newClass')}
          <select className="select" aria-label={t('buckets:storageClass.newClass')} value={storageClass} disabled={busy} onChange={(e) => setStorageClass(e.currentTarget.value)}>
            {storageClasses.map((c) => (
              <option key={c} value={c}>
                {formatStorageClass(c)}
              </option>
            ))}
          </select>
        </label>
        {busy && folders ? <p role="status">{t('buckets:storageClass.listing')}</p> : null}
        <DialogAlert message={error} />
      </div>
      <DialogFooter onCancel={close} action={t('buckets:storageClass.action')} onAction={() => void run()} actionDisabled={busy} />
    </Modal>
  );
}

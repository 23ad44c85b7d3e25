/** The offer after uploads were refused for the bucket's "Block public ACLs" switch: turn off just that switch and retry. */
import { Trans, useTranslation } from 'react-i18next';
import { DialogAlert, DialogFooter } from '../../components/dialogs/DialogFooter.js';
import { Modal } from '../../components/dialogs/Modal.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { WarningIcon } from '../../components/icons.js';
import { uploadRefusalDialog } from './dialogs.js';
import { allowUploads } from './uploadRefusalOffer.js';

export function UploadRefusalDialog({ connectionId, bucket }: { connectionId: string; bucket: string }) {
  const { t } = useTranslation();
  const { busy, error, run } = useSubmit();
  const close = uploadRefusalDialog.close;
  return (
    <Modal title={t('buckets:uploadRefusal.title')} onCancel={close} className="small-dialog" icon={<WarningIcon size={20} />}>
      <div className="modal-body">
        <p>
          <Trans i18nKey="buckets:uploadRefusal.why" values={{ bucket }} components={{ 1: <strong className="mono" data-user-text /> }} />
        </p>
        <p>{t('buckets:uploadRefusal.fix')}</p>
        <DialogAlert message={error} />
      </div>
      <DialogFooter
        onCancel={close}
        cancelLabel={t('buckets:uploadRefusal.notNow')}
        action={busy ? t('buckets:uploadRefusal.turningOff') : t('buckets:uploadRefusal.action')}
        actionDisabled={busy}
        onAction={() =>
          void run(async () => {
            await allowUploads(connectionId, bucket);
            close();
          })
        }
      />
    </Modal>
  );
}

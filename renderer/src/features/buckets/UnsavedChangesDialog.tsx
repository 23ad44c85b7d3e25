/** Asks what to do with a settings panel's unsaved edits before it is left: Save, Discard or Stay. */
import { useTranslation } from 'react-i18next';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { WarningIcon } from '../../components/icons.js';
import { unsavedChangesDialog } from './dialogs.js';

export function UnsavedChangesDialog({ panel, canSave }: { panel: string; canSave: boolean }) {
  const { t } = useTranslation();
  const answer = unsavedChangesDialog.answer;
  return (
    <Modal
      title={t('buckets:unsaved.title')}
      role="alertdialog"
      className="small-dialog"
      icon={<WarningIcon size={20} />}
      onCancel={() => answer('stay')}
      initialFocus="[data-autofocus]"
    >
      <div className="modal-body">
        <p>{canSave ? t('buckets:unsaved.message', { panel }) : t('buckets:unsaved.messageInvalid', { panel })}</p>
      </div>
      <ModalFooter
        start={
          <button type="button" className="btn" onClick={() => answer('stay')}>
            {t('buckets:unsaved.stay')}
          </button>
        }
      >
        <button type="button" className="btn btn-danger" onClick={() => answer('discard')}>
          {t('buckets:unsaved.discard')}
        </button>
        <button type="button" className="btn btn-primary" data-autofocus disabled={!canSave} onClick={() => answer('save')}>
          {t('buckets:unsaved.save')}
        </button>
      </ModalFooter>
    </Modal>
  );
}

import type { ConfirmRequest } from '../../state/dialogs.js';
import { confirmDialog } from '../../state/dialogs.js';
import { WarningIcon } from '../icons.js';
import { Modal, ModalFooter } from './Modal.js';
import { useTranslation } from 'react-i18next';

export function ConfirmDialog({ request }: { request: ConfirmRequest }) {
  const { t } = useTranslation();
  const answer = confirmDialog.answer;
  return (
    <Modal
      title={request.title}
      role="alertdialog"
      className="small-dialog"
      icon={request.danger ? <WarningIcon size={20} /> : undefined}
      onCancel={() => answer(false)}
      initialFocus="[data-autofocus]"
    >
      <div className="modal-body">
        <p>{request.message}</p>
      </div>
      <ModalFooter>
        <button type="button" className="btn" data-autofocus onClick={() => answer(false)}>
          {t('app:cancel')}
        </button>
        <button type="button" className={request.danger ? 'btn btn-danger' : 'btn btn-primary'} onClick={() => answer(true)}>
          {request.confirmLabel}
        </button>
      </ModalFooter>
    </Modal>
  );
}

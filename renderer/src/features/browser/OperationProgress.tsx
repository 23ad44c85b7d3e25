/** A progress bar with counts for a long copy, move or delete, and the dialog a delete shows. */
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { useTranslation } from 'react-i18next';
import { actionDialog } from './dialogs.js';
import { cancelOperation, useOperationProgress } from './operationProgressStore.js';


export function OperationProgressBar({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const progress = useOperationProgress((s) => s.byId[operationId]);
  if (!progress) {
    return (
      <div className="operation-progress">
        <span className="operation-progress-text">{t('browser:progress.counting')}</span>
      </div>
    );
  }
  const { done, total, verb } = progress;
  const soFar = verb === 'copy' ? t('browser:progress.copiedSoFar') : verb === 'move' ? t('browser:progress.movedSoFar') : t('browser:progress.deletedSoFar');
  const counts =
    verb === 'copy'
      ? t('browser:progress.copied', { done, count: total })
      : verb === 'move'
        ? t('browser:progress.moved', { done, count: total })
        : t('browser:progress.deleted', { done, count: total });
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="operation-progress">
      <span
        className="progress operation-progress-bar"
        role="progressbar"
        aria-label={soFar}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
      >
        <span className="progress-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="operation-progress-text">
        {counts}
      </span>
    </div>
  );
}

/** Shown while a delete runs (it has no dialog of its own once confirmed). */
export function OperationProgressDialog({ operationId, title }: { operationId: string; title: string }) {
  const { t } = useTranslation();
  const close = actionDialog.close;
  const cancel = () => cancelOperation(operationId);
  return (
    <Modal title={title} onCancel={cancel} className="small-dialog">
      <div className="modal-body">
        <OperationProgressBar operationId={operationId} />
      </div>
      <ModalFooter>
        <button type="button" className="btn" onClick={cancel}>
          {t('browser:progress.cancel')}
        </button>
        <button type="button" className="btn" onClick={close} title={t('browser:progress.hideTitle')}>
          {t('browser:progress.hide')}
        </button>
      </ModalFooter>
    </Modal>
  );
}

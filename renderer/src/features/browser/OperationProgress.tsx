/** A progress bar with counts for a long copy, move or delete, and the dialog a delete shows. */
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { formatCount } from '../../lib/format.js';
import { actionDialog } from './dialogs.js';
import { cancelOperation, useOperationProgress } from './operationProgressStore.js';

const verbs = { copy: 'Copied', move: 'Moved', delete: 'Deleted' } as const;

export function OperationProgressBar({ operationId }: { operationId: string }) {
  const progress = useOperationProgress((s) => s.byId[operationId]);
  if (!progress) {
    return (
      <div className="operation-progress">
        <span className="operation-progress-text">Counting…</span>
      </div>
    );
  }
  const { done, total, verb } = progress;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="operation-progress">
      <span
        className="progress operation-progress-bar"
        role="progressbar"
        aria-label={`${verbs[verb]} so far`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
      >
        <span className="progress-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="operation-progress-text">
        {verbs[verb]} {formatCount(done)} of {formatCount(total)} items
      </span>
    </div>
  );
}

/** Shown while a delete runs (it has no dialog of its own once confirmed). */
export function OperationProgressDialog({ operationId, title }: { operationId: string; title: string }) {
  const close = actionDialog.close;
  const cancel = () => cancelOperation(operationId);
  return (
    <Modal title={title} onCancel={cancel} className="small-dialog">
      <div className="modal-body">
        <OperationProgressBar operationId={operationId} />
      </div>
      <ModalFooter>
        <button type="button" className="btn" onClick={cancel}>
          Cancel
        </button>
        <button type="button" className="btn" onClick={close} title="Keep it running and close this window">
          Hide
        </button>
      </ModalFooter>
    </Modal>
  );
}

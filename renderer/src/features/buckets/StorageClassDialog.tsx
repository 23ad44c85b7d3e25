/** Picks a new storage class for the selected files and folders, then queues one change per object in Transfers. */
import { useState } from 'react';
import { storageClasses } from '../../../../shared/buckets.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { formatStorageClass } from '../../lib/format.js';
import { showInfo } from '../../state/toasts.js';
import { useTransfers } from '../transfers/transferStore.js';
import { storageClassDialog } from './dialogs.js';

export function StorageClassDialog({ connectionId, paths }: { connectionId: string; paths: string[] }) {
  const [storageClass, setStorageClass] = useState('STANDARD_IA');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = storageClassDialog.close;
  const folders = paths.filter((p) => p.endsWith('/')).length;
  const what = `${paths.length - folders} file${paths.length - folders === 1 ? '' : 's'}${folders ? ` and ${folders} folder${folders === 1 ? '' : 's'} (everything inside)` : ''}`;

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const queued = await unwrap(api().transfers.changeStorageClass({ connectionId, paths, storageClass }));
      useTransfers.getState().addStarted(queued);
      if (queued.length === 0) showInfo('Nothing to change: the chosen folders hold no files.');
      close();
    } catch (caught) {
      setError(toApiError(caught).message);
      setBusy(false);
    }
  };

  return (
    <Modal title="Change storage class" onCancel={close} className="small-dialog">
      <div className="modal-body bucket-fields">
        <p>
          Copies {what} onto {paths.length === 1 && folders === 0 ? 'itself' : 'themselves'} with the new class. Metadata and tags are kept; archived objects must be restored first.
          Progress shows in Transfers, one row per file.
        </p>
        <label>
          New storage class
          <select className="select" aria-label="New storage class" value={storageClass} disabled={busy} onChange={(e) => setStorageClass(e.currentTarget.value)}>
            {storageClasses.map((c) => (
              <option key={c} value={c}>
                {formatStorageClass(c)}
              </option>
            ))}
          </select>
        </label>
        {busy && folders ? <p role="status">Listing the folders…</p> : null}
        {error ? (
          <div className="alert" role="alert">
            {error}
          </div>
        ) : null}
      </div>
      <ModalFooter>
        <button type="button" className="btn" onClick={close}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run()}>
          Change class
        </button>
      </ModalFooter>
    </Modal>
  );
}

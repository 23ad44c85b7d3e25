/** Picks a new storage class for the selected files and folders, then queues one change per object in Transfers. */
import { useState } from 'react';
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
  const [storageClass, setStorageClass] = useState('STANDARD_IA');
  const { busy, error, run: submit } = useSubmit();
  const close = storageClassDialog.close;
  const folders = paths.filter((p) => p.endsWith('/')).length;
  const what = `${paths.length - folders} file${paths.length - folders === 1 ? '' : 's'}${folders ? ` and ${folders} folder${folders === 1 ? '' : 's'} (everything inside)` : ''}`;

  const run = async () => {
    await submit(async () => {
      const queued = await unwrap(api().transfers.changeStorageClass({ connectionId, paths, storageClass }));
      useTransfers.getState().addStarted(queued);
      if (queued.length === 0) showInfo('Nothing to change: the chosen folders hold no files.');
      close();
    });
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
        <DialogAlert message={error} />
      </div>
      <DialogFooter onCancel={close} action="Change class" onAction={() => void run()} actionDisabled={busy} />
    </Modal>
  );
}

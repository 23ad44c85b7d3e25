/** Changes the storage class of the selected files and folders (copy in place), with progress. */
import { useEffect, useState } from 'react';
import { storageClasses } from '../../../../shared/buckets.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { formatStorageClass } from '../../lib/format.js';
import { refresh } from '../../state/navigation.js';
import { showInfo } from '../../state/toasts.js';
import { closeBucketDialog } from './bucketStore.js';

export function StorageClassDialog({ connectionId, paths }: { connectionId: string; paths: string[] }) {
  const [storageClass, setStorageClass] = useState('STANDARD_IA');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(0);
  const [failures, setFailures] = useState<{ path: string; message: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [jobId] = useState(() => `class-${Date.now().toString(36)}`);
  useEffect(() => api().buckets.onJobProgress((p) => p.jobId === jobId && setDone(p.done)), [jobId]);
  const close = () => {
    if (busy) void api().buckets.cancelJob({ jobId });
    closeBucketDialog('storageClass');
  };
  const folders = paths.filter((p) => p.endsWith('/')).length;
  const what = `${paths.length - folders} file${paths.length - folders === 1 ? '' : 's'}${folders ? ` and ${folders} folder${folders === 1 ? '' : 's'} (everything inside)` : ''}`;

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const report = await unwrap(api().buckets.changeStorageClass({ connectionId, paths, storageClass, jobId }));
      refresh(connectionId);
      if (report.failed.length === 0) {
        showInfo(`Changed ${report.changed} object${report.changed === 1 ? '' : 's'} to ${formatStorageClass(storageClass)}.`);
        closeBucketDialog('storageClass');
        return;
      }
      setFailures(report.failed);
    } catch (caught) {
      setError(toApiError(caught).message);
    }
    setBusy(false);
  };

  return (
    <Modal title="Change storage class" onCancel={close} className="small-dialog">
      <div className="modal-body bucket-fields">
        <p>
          Copies {what} onto {paths.length === 1 && folders === 0 ? 'itself' : 'themselves'} with the new class. Metadata and tags are kept; archived objects must be restored first.
        </p>
        <label>
          New storage class
          <select className="select" aria-label="New storage class" value={storageClass} onChange={(e) => setStorageClass(e.currentTarget.value)}>
            {storageClasses.map((c) => (
              <option key={c} value={c}>
                {formatStorageClass(c)}
              </option>
            ))}
          </select>
        </label>
        {busy ? <p role="status">Changed {done.toLocaleString()} so far…</p> : null}
        {failures.length ? (
          <div className="alert" role="alert">
            <div>
              {failures.length} could not be changed:
              <ul className="bucket-list">
                {failures.slice(0, 5).map((f) => (
                  <li key={f.path}>
                    {f.path}: {f.message}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}
        {error ? (
          <div className="alert" role="alert">
            {error}
          </div>
        ) : null}
      </div>
      <ModalFooter>
        <button type="button" className="btn" onClick={close}>
          {busy ? 'Stop' : 'Cancel'}
        </button>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run()}>
          Change class
        </button>
      </ModalFooter>
    </Modal>
  );
}

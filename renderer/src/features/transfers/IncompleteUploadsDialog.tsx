/** A bucket's multipart uploads that were never completed or aborted (billed as storage): list and abort. */
import './transfers.css';
import { useCallback, useEffect, useState } from 'react';
import type { IncompleteUpload } from '../../../../shared/transfers.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { formatBytes, formatDate, formatDateLong, formatStorageClass, plural } from '../../lib/format.js';
import { askConfirm } from '../../state/dialogs.js';
import { showInfo } from '../../state/toasts.js';
import { transferDialog } from './dialogs.js';
import { FormError } from '../../components/dialogs/FormError.js';

export function IncompleteUploadsDialog({ connectionId, bucket }: { connectionId: string; bucket: string }) {
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
      title: one ? 'Abort this upload?' : 'Abort all incomplete uploads?',
      message: one
        ? `The parts already sent for “${one.key}” are deleted from “${bucket}”. This cannot be undone.`
        : `The parts of ${plural(targets.length, 'unfinished upload')} are deleted from “${bucket}”. This cannot be undone.`,
      confirmLabel: one ? 'Abort upload' : 'Abort all',
      danger: true,
    });
    if (!ok) return;
    setBusy(true);
    try {
      const count = await unwrap(
        api().transfers.abortIncompleteUploads({ connectionId, bucket, uploads: targets.map(({ key, uploadId }) => ({ key, uploadId })) }),
      );
      showInfo(`Aborted ${plural(count, 'upload')}.`);
    } catch (caught) {
      setProblem(toApiError(caught).message);
    }
    setBusy(false);
    await load();
  };

  return (
    <Modal title={`Incomplete uploads in “${bucket}”`} className="incomplete-uploads" onCancel={close}>
      <div className="modal-body">
        <p className="muted">Multipart uploads that were started and never finished. Their parts take space you pay for until they are aborted.</p>
        <FormError message={problem} />
        {uploads === null && !problem ? <p className="muted">Loading…</p> : null}
        {uploads?.length === 0 ? <p className="incomplete-empty">No incomplete uploads in this bucket.</p> : null}
        {uploads && uploads.length > 0 ? (
          <table className="incomplete-table" aria-label="Incomplete uploads">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Started</th>
                <th scope="col">Parts</th>
                <th scope="col">Class</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {uploads.map((u) => (
                <tr key={u.uploadId} data-key={u.key}>
                  <td className="incomplete-key" title={`${u.key}\nUpload id: ${u.uploadId}`}>
                    {u.key}
                  </td>
                  <td title={u.initiated ? formatDateLong(u.initiated) : undefined}>{u.initiated ? formatDate(u.initiated) : '—'}</td>
                  <td>{u.parts !== undefined ? `${u.parts} · ${formatBytes(u.bytes)}` : '—'}</td>
                  <td>{u.storageClass ? formatStorageClass(u.storageClass) : '—'}</td>
                  <td className="align-end">
                    <button type="button" className="btn small" disabled={busy} aria-label={`Abort ${u.key}`} onClick={() => void abort([u], false)}>
                      Abort
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
      <ModalFooter start={uploads && uploads.length > 0 ? plural(uploads.length, 'upload') : undefined}>
        <button type="button" className="btn" onClick={() => void load()} disabled={busy}>
          Refresh
        </button>
        <button type="button" className="btn btn-danger" disabled={busy || !uploads?.length} onClick={() => void abort(uploads ?? [], true)}>
          Abort all
        </button>
        <button type="button" className="btn btn-primary" onClick={close}>
          Close
        </button>
      </ModalFooter>
    </Modal>
  );
}

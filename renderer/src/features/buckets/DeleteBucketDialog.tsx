/** Deletes a bucket: refused politely when it has content, or emptied first after typing its name. */
import { useEffect, useState } from 'react';
import type { EmptyBucketCount } from '../../../../shared/buckets.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { DialogAlert, DialogFooter } from '../../components/dialogs/DialogFooter.js';
import { Modal } from '../../components/dialogs/Modal.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { WarningIcon } from '../../components/icons.js';
import { refresh } from '../browser/navigation.js';
import { bucketSettingsDialog, deleteBucketDialog } from './dialogs.js';

export function DeleteBucketDialog({ connectionId, bucket }: { connectionId: string; bucket: string }) {
  const [count, setCount] = useState<EmptyBucketCount | null>(null);
  const [typed, setTyped] = useState('');
  const { busy, error, setError, run: submit } = useSubmit();
  const [removed, setRemoved] = useState(0);
  const close = deleteBucketDialog.close;
  useEffect(() => {
    unwrap(api().buckets.countForEmpty({ connectionId, bucket })).then(setCount, (e: unknown) => setError(toApiError(e).message));
  }, [connectionId, bucket]);
  const total = count ? count.versions + count.deleteMarkers : 0;
  const jobId = `delete-${bucket}`;
  useEffect(() => api().buckets.onJobProgress((p) => p.jobId === jobId && setRemoved(p.done)), [jobId]);

  const run = async () => {
    await submit(async () => {
      await unwrap(api().buckets.delete({ connectionId, bucket, empty: total > 0, confirmName: typed, jobId }));
      close();
      bucketSettingsDialog.close();
      refresh(connectionId);
    });
  };

  return (
    <Modal title={`Delete bucket “${bucket}”?`} onCancel={close} role="alertdialog" className="small-dialog" icon={<WarningIcon size={20} />}>
      <div className="modal-body">
        {!count && !error ? <p>Counting what the bucket holds…</p> : null}
        {count && total === 0 ? <p>The bucket is empty. Deleting it frees its name for anyone to take.</p> : null}
        {count && total > 0 ? (
          <>
            <p data-testid="empty-count">
              The bucket is not empty: it holds {count.versions.toLocaleString()} object version{count.versions === 1 ? '' : 's'} and {count.deleteMarkers.toLocaleString()} delete marker
              {count.deleteMarkers === 1 ? '' : 's'}. “Empty and delete” removes every one of them permanently.
            </p>
            <label className="bucket-confirm">
              Type <strong>{bucket}</strong> to confirm
              <input className="input mono" aria-label="Bucket name to confirm" value={typed} onChange={(e) => setTyped(e.currentTarget.value)} autoFocus />
            </label>
            {busy ? <p>Removed {removed.toLocaleString()} of {total.toLocaleString()}…</p> : null}
          </>
        ) : null}
        <DialogAlert message={error} />
      </div>
      <DialogFooter
        onCancel={close}
        action={total > 0 ? 'Empty and delete' : 'Delete bucket'}
        onAction={() => void run()}
        actionDisabled={!count || busy || (total > 0 && typed !== bucket)}
        danger
      />
    </Modal>
  );
}

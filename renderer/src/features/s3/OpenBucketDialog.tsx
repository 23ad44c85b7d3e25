/** Opens a bucket by name: for IAM users who may not list buckets (no s3:ListAllMyBuckets). */
import { useState } from 'react';
import { api, toApiError, unwrap } from '../../api/client.js';
import { CheckField, TextField } from '../../components/dialogs/Field.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { navigate } from '../browser/navigation.js';
import { actionDialog } from '../browser/dialogs.js';
import { FormError } from '../../components/dialogs/FormError.js';

export function OpenBucketDialog({ connectionId }: { connectionId: string }) {
  const close = actionDialog.close;
  const [bucket, setBucket] = useState('');
  const [bookmark, setBookmark] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const name = bucket.trim();
    if (!name) return setError('Enter the bucket name');
    setBusy(true);
    setError(null);
    try {
      const entry = await unwrap(api().s3.openBucket({ connectionId, bucket: name, bookmark }));
      close();
      navigate(connectionId, entry.path);
    } catch (caught) {
      setError(toApiError(caught).message);
      setBusy(false);
    }
  };

  return (
    <Modal title="Open bucket by name" onCancel={close} className="small-dialog" initialFocus="[data-autofocus]">
      <form
        className="modal-body form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField label="Bucket" value={bucket} onChange={setBucket} placeholder="my-team-bucket" mono autoFocus />
        <CheckField label="Save it to this connection" checked={bookmark} onChange={setBookmark} hint="It will show in the bucket list from now on." />
        <FormError message={error} />
        <ModalFooter>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Open
          </button>
        </ModalFooter>
      </form>
    </Modal>
  );
}

/** Name a new folder (or, at the S3 root, a new bucket). */
import { useState } from 'react';
import { toApiError } from '../../api/client.js';
import { newFolderDialog } from './dialogs.js';
import { makeFolder } from './navigation.js';
import { TextField } from '../../components/dialogs/Field.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { FormError } from '../../components/dialogs/FormError.js';

interface Props {
  connectionId: string;
  parentPath: string;
  bucket: boolean;
}

export function NewFolderDialog({ connectionId, parentPath, bucket }: Props) {
  const close = newFolderDialog.close;
  const [name, setName] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);

  const noun = bucket ? 'bucket' : 'folder';
  const trimmed = name.trim();
  const problem = !trimmed ? `Enter a ${noun} name` : trimmed.includes('/') ? `A ${noun} name cannot contain “/”` : undefined;

  const submit = async () => {
    setAttempted(true);
    if (problem) return;
    setBusy(true);
    setServerError(null);
    try {
      await makeFolder(connectionId, parentPath, trimmed);
      close();
    } catch (caught) {
      setServerError(toApiError(caught).message);
      setBusy(false);
    }
  };

  return (
    <Modal title={bucket ? 'New bucket' : 'New folder'} onCancel={close} className="small-dialog" initialFocus="[data-autofocus]">
      <form
        className="modal-body form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField
          label={bucket ? 'Bucket name' : 'Folder name'}
          value={name}
          onChange={setName}
          error={attempted ? problem : undefined}
          placeholder={bucket ? 'my-bucket' : 'untitled folder'}
          autoFocus
        />
        <FormError message={serverError} />
        <ModalFooter>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Create
          </button>
        </ModalFooter>
      </form>
    </Modal>
  );
}

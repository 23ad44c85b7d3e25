/** F2: rename or move one file or folder by editing its full path. */
import { useState } from 'react';
import type { FileEntry } from '../../../../shared/files.js';
import { toApiError } from '../../api/client.js';
import { TextField } from '../../components/dialogs/Field.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { actionDialog } from './dialogs.js';
import { renameTo } from './fileActions.js';
import { FormError } from '../../components/dialogs/FormError.js';

export function RenameDialog({ connectionId, entry }: { connectionId: string; entry: FileEntry }) {
  const close = actionDialog.close;
  const [to, setTo] = useState(entry.path);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const folder = entry.kind === 'folder';
  const problem = to === entry.path ? 'Type the new name or path' : !to.startsWith('/') ? 'Paths start with “/”' : undefined;

  const submit = async () => {
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      await renameTo(connectionId, entry.path, to);
      close();
    } catch (caught) {
      setError(toApiError(caught).message);
      setBusy(false);
    }
  };

  return (
    <Modal title={folder ? 'Rename or move folder' : 'Rename or move'} onCancel={close} className="small-dialog rename-dialog" initialFocus="[data-autofocus]">
      <form
        className="modal-body form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField
          label="New path"
          value={to}
          onChange={setTo}
          mono
          autoFocus
          hint={folder ? 'Everything inside moves with it (on S3: a copy of every object, then a delete).' : 'Change the name, or the folders before it to move.'}
        />
        <FormError message={error} />
        <ModalFooter start={busy ? <span className="spinner" aria-label="Working" /> : undefined}>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Rename
          </button>
        </ModalFooter>
      </form>
    </Modal>
  );
}

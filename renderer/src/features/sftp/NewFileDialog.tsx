/** New empty file…: names a file to create in the current SFTP folder (never replacing one). */
import { useState } from 'react';
import { api, toApiError, unwrap } from '../../api/client.js';
import { TextField } from '../../components/dialogs/Field.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { refresh } from '../browser/navigation.js';
import { newFileDialog } from './dialogs.js';
import { FormError } from '../../components/dialogs/FormError.js';

export function NewFileDialog({ connectionId, parentPath }: { connectionId: string; parentPath: string }) {
  const close = newFileDialog.close;
  const [name, setName] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const problem = !name ? 'Enter a file name' : name.includes('/') ? 'A file name cannot contain “/”' : undefined;

  const submit = async () => {
    setAttempted(true);
    if (problem) return;
    setBusy(true);
    setServerError(null);
    try {
      await unwrap(api().sftp.createFile({ connectionId, parentPath, name }));
      refresh(connectionId);
      close();
    } catch (caught) {
      setServerError(toApiError(caught).message);
      setBusy(false);
    }
  };

  return (
    <Modal title="New empty file" onCancel={close} className="small-dialog" initialFocus="[data-autofocus]">
      <form
        className="modal-body form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField label="File name" value={name} onChange={setName} error={attempted ? problem : undefined} placeholder="untitled.txt" autoFocus />
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

/** Copy or move the selected files and folders into another folder of the same connection. */
import { useState } from 'react';
import type { FileEntry } from '../../../../shared/files.js';
import { toApiError } from '../../api/client.js';
import { TextField } from '../../components/dialogs/Field.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { plural } from '../../lib/format.js';
import { actionDialog } from './dialogs.js';
import { copyMoveTo, currentFolderOf } from './fileActions.js';
import { OperationProgressBar } from './OperationProgress.js';
import { cancelOperation } from './operationProgressStore.js';
import { FormError } from '../../components/dialogs/FormError.js';

interface Props {
  connectionId: string;
  entries: FileEntry[];
  mode: 'copy' | 'move';
}

export function CopyMoveDialog({ connectionId, entries, mode }: Props) {
  const close = actionDialog.close;
  const [folder, setFolder] = useState(currentFolderOf(connectionId));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [operationId, setOperationId] = useState<string | null>(null);
  const verb = mode === 'copy' ? 'Copy' : 'Move';
  const what = entries.length === 1 ? `“${entries[0]!.name}”` : plural(entries.length, 'item');

  const submit = async () => {
    if (!folder.startsWith('/')) return setError('Paths start with “/”');
    setBusy(true);
    setError(null);
    try {
      await copyMoveTo(connectionId, entries, folder, mode, setOperationId);
      close();
    } catch (caught) {
      setError(toApiError(caught).message);
      setBusy(false);
      setOperationId(null);
    }
  };

  // While it runs, Cancel (and Escape) stop the operation; the dialog then shows what happened.
  const cancel = () => (busy && operationId ? cancelOperation(operationId) : close());

  return (
    <Modal title={`${verb} ${what}`} onCancel={cancel} className="small-dialog" initialFocus="[data-autofocus]">
      <form
        className="modal-body form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField label="Into folder" value={folder} onChange={setFolder} mono autoFocus hint="A folder path on this connection, e.g. /bucket/folder/." />
        {busy && operationId ? <OperationProgressBar operationId={operationId} /> : null}
        <FormError message={error} />
        <ModalFooter start={busy && !operationId ? <span className="spinner" aria-label="Working" /> : undefined}>
          <button type="button" className="btn" onClick={cancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {verb}
          </button>
        </ModalFooter>
      </form>
    </Modal>
  );
}

/** Copy or move the selected files and folders into another folder of the same connection. */
import { useState } from 'react';
import type { FileEntry } from '../../../../shared/files.js';
import { TextField } from '../../components/dialogs/Field.js';
import { FormDialog } from '../../components/dialogs/FormDialog.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { plural } from '../../lib/format.js';
import { actionDialog } from './dialogs.js';
import { copyMoveTo, currentFolderOf } from './fileActions.js';
import { OperationProgressBar } from './OperationProgress.js';
import { cancelOperation } from './operationProgressStore.js';

interface Props {
  connectionId: string;
  entries: FileEntry[];
  mode: 'copy' | 'move';
}

export function CopyMoveDialog({ connectionId, entries, mode }: Props) {
  const close = actionDialog.close;
  const [folder, setFolder] = useState(currentFolderOf(connectionId));
  const { busy, error, setError, run } = useSubmit();
  const [operationId, setOperationId] = useState<string | null>(null);
  const verb = mode === 'copy' ? 'Copy' : 'Move';
  const what = entries.length === 1 ? `“${entries[0]!.name}”` : plural(entries.length, 'item');

  const submit = async () => {
    if (!folder.startsWith('/')) return setError('Paths start with “/”');
    await run(
      async () => {
        await copyMoveTo(connectionId, entries, folder, mode, setOperationId);
        close();
      },
      () => setOperationId(null),
    );
  };

  // While it runs, Cancel (and Escape) stop the operation; the dialog then shows what happened.
  const cancel = () => (busy && operationId ? cancelOperation(operationId) : close());

  return (
    <FormDialog
      title={`${verb} ${what}`}
      onCancel={cancel}
      className="small-dialog"
      onSubmit={() => void submit()}
      error={error}
      submitLabel={verb}
      submitDisabled={busy}
      footerStart={busy && !operationId ? <span className="spinner" aria-label="Working" /> : undefined}
    >
      <TextField label="Into folder" value={folder} onChange={setFolder} mono autoFocus hint="A folder path on this connection, e.g. /bucket/folder/." />
      {busy && operationId ? <OperationProgressBar operationId={operationId} /> : null}
    </FormDialog>
  );
}

/** F2: rename or move one file or folder by editing its full path. */
import { useState } from 'react';
import type { FileEntry } from '../../../../shared/files.js';
import { TextField } from '../../components/dialogs/Field.js';
import { FormDialog } from '../../components/dialogs/FormDialog.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { actionDialog } from './dialogs.js';
import { renameTo } from './fileActions.js';

export function RenameDialog({ connectionId, entry }: { connectionId: string; entry: FileEntry }) {
  const close = actionDialog.close;
  const [to, setTo] = useState(entry.path);
  const { busy, error, setError, run } = useSubmit();
  const folder = entry.kind === 'folder';
  const problem = to === entry.path ? 'Type the new name or path' : !to.startsWith('/') ? 'Paths start with “/”' : undefined;

  const submit = async () => {
    if (problem) return setError(problem);
    await run(async () => {
      await renameTo(connectionId, entry.path, to);
      close();
    });
  };

  return (
    <FormDialog
      title={folder ? 'Rename or move folder' : 'Rename or move'}
      onCancel={close}
      className="small-dialog rename-dialog"
      onSubmit={() => void submit()}
      error={error}
      submitLabel="Rename"
      submitDisabled={busy}
      footerStart={busy ? <span className="spinner" aria-label="Working" /> : undefined}
    >
      <TextField
        label="New path"
        value={to}
        onChange={setTo}
        mono
        autoFocus
        hint={folder ? 'Everything inside moves with it (on S3: a copy of every object, then a delete).' : 'Change the name, or the folders before it to move.'}
      />
    </FormDialog>
  );
}

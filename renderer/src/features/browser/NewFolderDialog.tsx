/** Name a new folder (or, at the S3 root, a new bucket). */
import { useState } from 'react';
import { newFolderDialog } from './dialogs.js';
import { makeFolder } from './navigation.js';
import { TextField } from '../../components/dialogs/Field.js';
import { FormDialog } from '../../components/dialogs/FormDialog.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';

interface Props {
  connectionId: string;
  parentPath: string;
  bucket: boolean;
}

export function NewFolderDialog({ connectionId, parentPath, bucket }: Props) {
  const close = newFolderDialog.close;
  const [name, setName] = useState('');
  const [attempted, setAttempted] = useState(false);
  const { busy, error: serverError, run } = useSubmit();

  const noun = bucket ? 'bucket' : 'folder';
  const trimmed = name.trim();
  const problem = !trimmed ? `Enter a ${noun} name` : trimmed.includes('/') ? `A ${noun} name cannot contain “/”` : undefined;

  const submit = async () => {
    setAttempted(true);
    if (problem) return;
    await run(async () => {
      await makeFolder(connectionId, parentPath, trimmed);
      close();
    });
  };

  return (
    <FormDialog
      title={bucket ? 'New bucket' : 'New folder'}
      onCancel={close}
      className="small-dialog"
      onSubmit={() => void submit()}
      error={serverError}
      submitLabel="Create"
      submitDisabled={busy}
    >
      <TextField
        label={bucket ? 'Bucket name' : 'Folder name'}
        value={name}
        onChange={setName}
        error={attempted ? problem : undefined}
        placeholder={bucket ? 'my-bucket' : 'untitled folder'}
        autoFocus
      />
    </FormDialog>
  );
}

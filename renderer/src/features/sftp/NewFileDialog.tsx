/** New empty file…: names a file to create in the current SFTP folder (never replacing one). */
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import { TextField } from '../../components/dialogs/Field.js';
import { FormDialog } from '../../components/dialogs/FormDialog.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { refresh } from '../browser/navigation.js';
import { newFileDialog } from './dialogs.js';

export function NewFileDialog({ connectionId, parentPath }: { connectionId: string; parentPath: string }) {
  const close = newFileDialog.close;
  const [name, setName] = useState('');
  const [attempted, setAttempted] = useState(false);
  const { busy, error: serverError, run } = useSubmit();
  const problem = !name ? 'Enter a file name' : name.includes('/') ? 'A file name cannot contain “/”' : undefined;

  const submit = async () => {
    setAttempted(true);
    if (problem) return;
    await run(async () => {
      await unwrap(api().sftp.createFile({ connectionId, parentPath, name }));
      refresh(connectionId);
      close();
    });
  };

  return (
    <FormDialog title="New empty file" onCancel={close} className="small-dialog" onSubmit={() => void submit()} error={serverError} submitLabel="Create" submitDisabled={busy}>
      <TextField label="File name" value={name} onChange={setName} error={attempted ? problem : undefined} placeholder="untitled.txt" autoFocus />
    </FormDialog>
  );
}

/** Mounts whichever dialogs are open; later ones stack on top. */
import { ActionDialogs } from '../features/browser/ActionDialogs.js';
import { BucketDialogs } from '../features/buckets/BucketDialogs.js';
import { SftpDialogs } from '../features/sftp/SftpDialogs.js';
import { useDialogs } from '../state/dialogs.js';
import { ConfirmDialog } from './dialogs/ConfirmDialog.js';
import { ConnectionDialog } from './dialogs/ConnectionDialog.js';
import { HostKeyDialog } from './dialogs/HostKeyDialog.js';
import { NewFolderDialog } from './dialogs/NewFolderDialog.js';
import { SecretDialog } from './dialogs/SecretDialog.js';

export function Dialogs() {
  const form = useDialogs((s) => s.connectionForm);
  const secret = useDialogs((s) => s.secret);
  const hostKey = useDialogs((s) => s.hostKey);
  const newFolder = useDialogs((s) => s.newFolder);
  const confirm = useDialogs((s) => s.confirm);
  return (
    <>
      {form ? <ConnectionDialog key={form.editId ?? 'new'} editId={form.editId} /> : null}
      {newFolder ? <NewFolderDialog {...newFolder} /> : null}
      <ActionDialogs />
      <BucketDialogs />
      <SftpDialogs />
      {confirm ? <ConfirmDialog request={confirm} /> : null}
      {secret ? <SecretDialog key={secret.connection.id} connection={secret.connection} /> : null}
      {hostKey ? <HostKeyDialog key={hostKey.prompt.promptId} prompt={hostKey.prompt} /> : null}
    </>
  );
}

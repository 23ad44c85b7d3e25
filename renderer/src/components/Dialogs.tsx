/** Mounts whichever dialogs are open; later ones stack on top. */
import { ActionDialogs } from '../features/browser/ActionDialogs.js';
import { BucketDialogs } from '../features/buckets/BucketDialogs.js';
import { SftpDialogs } from '../features/sftp/SftpDialogs.js';
import { confirmDialog } from '../state/dialogs.js';
import { connectionFormDialog, hostKeyDialog, secretDialog } from '../features/connections/dialogs.js';
import { newFolderDialog } from '../features/browser/dialogs.js';
import { ConfirmDialog } from './dialogs/ConfirmDialog.js';
import { ConnectionDialog } from '../features/connections/ConnectionDialog.js';
import { HostKeyDialog } from '../features/connections/HostKeyDialog.js';
import { NewFolderDialog } from '../features/browser/NewFolderDialog.js';
import { SecretDialog } from '../features/connections/SecretDialog.js';
import { SettingsDialogs } from '../features/settings/SettingsDialogs.js';

export function Dialogs() {
  const form = connectionFormDialog.use();
  const secret = secretDialog.use();
  const hostKey = hostKeyDialog.use();
  const newFolder = newFolderDialog.use();
  const confirm = confirmDialog.use();
  return (
    <>
      {form ? <ConnectionDialog key={form.editId ?? 'new'} editId={form.editId} /> : null}
      {newFolder ? <NewFolderDialog {...newFolder} /> : null}
      <ActionDialogs />
      <BucketDialogs />
      <SftpDialogs />
      <SettingsDialogs />
      {confirm ? <ConfirmDialog request={confirm} /> : null}
      {secret ? <SecretDialog key={`${secret.connection.id}:${secret.refused ?? ''}`} {...secret} /> : null}
      {hostKey ? <HostKeyDialog key={hostKey.prompt.promptId} prompt={hostKey.prompt} /> : null}
    </>
  );
}

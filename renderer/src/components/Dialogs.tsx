/** Mounts whichever dialogs are open; later ones stack on top. */
import { ActionDialogs } from '../features/browser/ActionDialogs.js';
import { BucketDialogs } from '../features/buckets/BucketDialogs.js';
import { SftpDialogs } from '../features/sftp/SftpDialogs.js';
import { confirmDialog } from '../state/dialogs.js';
import { connectionFormDialog, hostKeyDialog, importBookmarksDialog, secretDialog, ssoSignInDialog } from '../features/connections/dialogs.js';
import { newFolderDialog } from '../features/browser/dialogs.js';
import { ConfirmDialog } from './dialogs/ConfirmDialog.js';
import { ConnectionDialog } from '../features/connections/ConnectionDialog.js';
import { HostKeyDialog } from '../features/connections/HostKeyDialog.js';
import { ImportBookmarksDialog } from '../features/connections/ImportBookmarksDialog.js';
import { NewFolderDialog } from '../features/browser/NewFolderDialog.js';
import { SecretDialog } from '../features/connections/SecretDialog.js';
import { SsoSignInDialog } from '../features/connections/SsoSignInDialog.js';
import { SettingsDialogs } from '../features/settings/SettingsDialogs.js';
import { SyncDialogs } from '../features/sync/SyncDialogs.js';
import { PreviewDialogs } from '../features/preview/QuickLook.js';

export function Dialogs() {
  const form = connectionFormDialog.use();
  const secret = secretDialog.use();
  const ssoSignIn = ssoSignInDialog.use();
  const hostKey = hostKeyDialog.use();
  const importBookmarks = importBookmarksDialog.use();
  const newFolder = newFolderDialog.use();
  const confirm = confirmDialog.use();
  return (
    <>
      {form ? <ConnectionDialog key={form.editId ?? 'new'} editId={form.editId} /> : null}
      {importBookmarks ? <ImportBookmarksDialog /> : null}
      {ssoSignIn ? <SsoSignInDialog key={ssoSignIn.profile} {...ssoSignIn} /> : null}
      {newFolder ? <NewFolderDialog {...newFolder} /> : null}
      <ActionDialogs />
      <BucketDialogs />
      <SftpDialogs />
      <SettingsDialogs />
      <SyncDialogs />
      <PreviewDialogs />
      {confirm ? <ConfirmDialog request={confirm} /> : null}
      {secret ? <SecretDialog key={`${secret.connection.id}:${secret.refused ?? ''}`} {...secret} /> : null}
      {hostKey ? <HostKeyDialog key={hostKey.prompt.promptId} prompt={hostKey.prompt} /> : null}
    </>
  );
}

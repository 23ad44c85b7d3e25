/** Mounts the SFTP dialogs (Permissions…, Properties…, New empty file…) and listens for edited files being uploaded. */
import { useEffect } from 'react';
import { hasApi } from '../../api/client.js';
import { NewFileDialog } from './NewFileDialog.js';
import { chmodDialog, newFileDialog, sftpPropertiesDialog } from './dialogs.js';
import { SftpPropertiesDialog } from './SftpPropertiesDialog.js';
import { ChmodDialog } from './ChmodDialog.js';
import { watchEditReports } from './remoteEditing.js';

export function SftpDialogs() {
  const chmod = chmodDialog.use();
  const newFile = newFileDialog.use();
  const properties = sftpPropertiesDialog.use();
  useEffect(() => (hasApi() ? watchEditReports() : undefined), []);
  return (
    <>
      {chmod ? <ChmodDialog key={chmod.entry.path} connectionId={chmod.connectionId} entry={chmod.entry} /> : null}
      {newFile ? <NewFileDialog {...newFile} /> : null}
      {properties ? <SftpPropertiesDialog key={properties.entry.path} connectionId={properties.connectionId} entry={properties.entry} /> : null}
    </>
  );
}

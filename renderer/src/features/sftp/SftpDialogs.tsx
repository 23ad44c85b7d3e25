/** Mounts the SFTP dialogs (Permissions…, Properties…, New empty file…) and listens for edited files being uploaded. */
import { useEffect } from 'react';
import { hasApi } from '../../api/client.js';
import { NewFileDialog } from './NewFileDialog.js';
import { useChmod, useNewFile, useSftpProperties } from './sftpDialogStore.js';
import { SftpPropertiesDialog } from './SftpPropertiesDialog.js';
import { ChmodDialog } from './ChmodDialog.js';
import { watchEditReports } from './remoteEditing.js';

export function SftpDialogs() {
  const chmod = useChmod((s) => s.target);
  const newFile = useNewFile((s) => s.target);
  const properties = useSftpProperties((s) => s.target);
  useEffect(() => (hasApi() ? watchEditReports() : undefined), []);
  return (
    <>
      {chmod ? <ChmodDialog key={chmod.entry.path} connectionId={chmod.connectionId} entry={chmod.entry} /> : null}
      {newFile ? <NewFileDialog {...newFile} /> : null}
      {properties ? <SftpPropertiesDialog key={properties.entry.path} connectionId={properties.connectionId} entry={properties.entry} /> : null}
    </>
  );
}

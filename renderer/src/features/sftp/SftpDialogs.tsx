/** Mounts the SFTP dialogs (Permissions…, Properties…, New empty file…, New symbolic link…) */
import { NewFileDialog } from './NewFileDialog.js';
import { chmodDialog, newFileDialog, sftpPropertiesDialog, symlinkDialog } from './dialogs.js';
import { SymlinkDialog } from './SymlinkDialog.js';
import { SftpPropertiesDialog } from './SftpPropertiesDialog.js';
import { ChmodDialog } from './ChmodDialog.js';

export function SftpDialogs() {
  const chmod = chmodDialog.use();
  const newFile = newFileDialog.use();
  const properties = sftpPropertiesDialog.use();
  const symlink = symlinkDialog.use();
  return (
    <>
      {chmod ? <ChmodDialog key={chmod.entry.path} connectionId={chmod.connectionId} entry={chmod.entry} /> : null}
      {newFile ? <NewFileDialog {...newFile} /> : null}
      {symlink ? <SymlinkDialog {...symlink} /> : null}
      {properties ? <SftpPropertiesDialog key={properties.entry.path} connectionId={properties.connectionId} entry={properties.entry} /> : null}
    </>
  );
}

/** SFTP entries of the file menu: Open in editor, Permissions… and Properties… (one item), New empty file…. */
import type { FileEntry, Protocol } from '../../../../shared/files.js';
import type { MenuEntry } from '../../components/ContextMenu.js';
import { EditIcon, InfoIcon, PlusIcon, ShieldIcon } from '../../components/icons.js';
import { openInEditor } from './remoteEditing.js';
import { chmodDialog, newFileDialog, sftpPropertiesDialog } from './dialogs.js';

export function sftpMenuItems(connectionId: string, protocol: Protocol, selected: FileEntry[], folder: string): MenuEntry[] {
  if (protocol !== 'sftp') return [];
  const one = selected.length === 1 ? selected[0]! : null;
  const file = one && (one.kind === 'file' || (one.kind === 'symlink' && one.linkTargetKind === 'file')) ? one : null;
  return [
    'separator',
    {
      label: 'Open in editor',
      icon: <EditIcon />,
      disabled: !file,
      onSelect: () => file && void openInEditor(connectionId, file),
    },
    {
      label: 'Permissions…',
      icon: <ShieldIcon />,
      disabled: !one,
      onSelect: () => one && void chmodDialog.open({ connectionId, entry: one }),
    },
    {
      label: 'Properties…',
      icon: <InfoIcon />,
      disabled: !one,
      onSelect: () => one && void sftpPropertiesDialog.open({ connectionId, entry: one }),
    },
    { label: 'New empty file…', icon: <PlusIcon />, onSelect: () => void newFileDialog.open({ connectionId, parentPath: folder }) },
  ];
}

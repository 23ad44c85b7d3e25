/** SFTP entries of the file menu: Open in editor, Permissions… and Properties… (one item), New empty file…. */
import type { FileEntry, Protocol } from '../../../../shared/files.js';
import type { MenuEntry } from '../../components/ContextMenu.js';
import { EditIcon, InfoIcon, PlusIcon, ShieldIcon } from '../../components/icons.js';
import { openInEditor } from './remoteEditing.js';
import { useChmod, useNewFile, useSftpProperties } from './sftpDialogStore.js';

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
      onSelect: () => one && useChmod.getState().open(connectionId, one),
    },
    {
      label: 'Properties…',
      icon: <InfoIcon />,
      disabled: !one,
      onSelect: () => one && useSftpProperties.getState().open(connectionId, one),
    },
    { label: 'New empty file…', icon: <PlusIcon />, onSelect: () => useNewFile.getState().open(connectionId, folder) },
  ];
}

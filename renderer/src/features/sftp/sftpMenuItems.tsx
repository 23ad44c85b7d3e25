/** SFTP entries of the file menu: Permissions… and Properties… (one item), New empty file…, New symbolic link…. */
import type { FileEntry, Protocol } from '../../../../shared/files.js';
import type { MenuEntry } from '../../components/ContextMenu.js';
import { InfoIcon, LinkIcon, PlusIcon, ShieldIcon } from '../../components/icons.js';
import { chmodDialog, newFileDialog, sftpPropertiesDialog, symlinkDialog } from './dialogs.js';
import { t } from '../../i18n/i18n.js';

export function sftpMenuItems(connectionId: string, protocol: Protocol, selected: FileEntry[], folder: string): MenuEntry[] {
  if (protocol !== 'sftp') return [];
  const one = selected.length === 1 ? selected[0]! : null;
  return [
    'separator',
    {
      label: t('sftp:menu.permissions'),
      icon: <ShieldIcon />,
      disabled: !one,
      onSelect: () => one && void chmodDialog.open({ connectionId, entry: one }),
    },
    {
      label: t('sftp:menu.properties'),
      icon: <InfoIcon />,
      disabled: !one,
      onSelect: () => one && void sftpPropertiesDialog.open({ connectionId, entry: one }),
    },
    { label: t('sftp:menu.newFile'), icon: <PlusIcon />, onSelect: () => void newFileDialog.open({ connectionId, parentPath: folder }) },
    {
      label: t('sftp:menu.newSymlink'),
      icon: <LinkIcon />,
      onSelect: () => void symlinkDialog.open({ connectionId, parentPath: folder, target: one?.path ?? '', name: one ? t('sftp:symlink.defaultName', { name: one.name }) : '' }),
    },
  ];
}

/** The file menu's "Edit in local editor", for a single file on any connection. */
import type { FileEntry } from '../../../../shared/files.js';
import type { MenuEntry } from '../../components/ContextMenu.js';
import { EditIcon } from '../../components/icons.js';
import { isFolderObject } from '../s3/folderObject.js';
import { openInEditor } from './remoteEditing.js';
import { t } from '../../i18n/i18n.js';

export function editMenuItems(connectionId: string, selected: FileEntry[]): MenuEntry[] {
  const one = selected.length === 1 ? selected[0]! : null;
  const isFile = one && (one.kind === 'file' || (one.kind === 'symlink' && one.linkTargetKind === 'file'));
  // A folder object's path names its whole folder: it has no file name to edit under.
  const file = isFile && !isFolderObject(one) ? one : null;
  return [
    'separator',
    {
      label: t('editing:menu.edit'),
      icon: <EditIcon />,
      disabled: !file,
      onSelect: () => file && void openInEditor(connectionId, file),
    },
  ];
}

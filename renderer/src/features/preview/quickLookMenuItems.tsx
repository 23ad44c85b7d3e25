/** The file menu's "Quick Look" (Space), for one file. */
import type { FileEntry } from '../../../../shared/files.js';
import type { MenuEntry } from '../../components/ContextMenu.js';
import { InfoIcon } from '../../components/icons.js';
import { t } from '../../i18n/i18n.js';
import { canQuickLook, openQuickLook } from './quickLook.js';

export function quickLookMenuItems(connectionId: string, selected: FileEntry[]): MenuEntry[] {
  const file = selected.length === 1 && canQuickLook(selected[0]) ? selected[0] : undefined;
  return [{ label: t('preview:menu.quickLook'), icon: <InfoIcon />, shortcut: t('preview:menu.spaceKey'), disabled: !file, onSelect: () => file && void openQuickLook(connectionId, file) }];
}

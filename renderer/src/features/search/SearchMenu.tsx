/** A search result's menu: open (a folder) or show it in its folder, download, edit, copy its path. */
import { useTranslation } from 'react-i18next';
import type { FileEntry } from '../../../../shared/files.js';
import { ContextMenu, type MenuEntry } from '../../components/ContextMenu.js';
import { CopyIcon, DownloadIcon, OpenIcon } from '../../components/icons.js';
import { isContainer } from '../../lib/entries.js';
import { keyLabels } from '../../lib/keyboard.js';
import { getTab } from '../browser/browserStore.js';
import { editMenuItems } from '../editing/editMenuItems.js';
import { searchOf } from './searchStore.js';
import { copyResultPath, downloadResult, goToResult } from './searchActions.js';

interface Props {
  connectionId: string;
  x: number;
  y: number;
  entry: FileEntry;
  onClose(): void;
}

export function SearchMenu({ connectionId, x, y, entry: row, onClose }: Props) {
  const { t } = useTranslation();
  // The row is named by its path below the folder searched; actions get the entry as listed.
  const entry = searchOf(connectionId).results.find((e) => e.path === row.path) ?? row;
  const remote = getTab(connectionId)?.protocol !== 'local';
  const folder = isContainer(entry);
  const items: MenuEntry[] = [
    ...(folder ? [{ label: t('browser:menu.open'), icon: <OpenIcon />, shortcut: keyLabels.enter(), onSelect: () => goToResult(connectionId, entry, true) }] : []),
    { label: t('search:menu.showInFolder'), icon: <OpenIcon />, ...(!folder && { shortcut: keyLabels.enter() }), onSelect: () => goToResult(connectionId, entry, false) },
    ...(remote ? [{ label: t('browser:menu.download'), icon: <DownloadIcon />, onSelect: () => downloadResult(connectionId, entry) }] : []),
    ...(remote ? editMenuItems(connectionId, [entry]) : []),
    'separator',
    { label: t('browser:menu.copyPath'), icon: <CopyIcon />, onSelect: () => copyResultPath(entry) },
  ];
  return <ContextMenu x={x} y={y} label={t('search:menu.label')} items={items} onClose={onClose} />;
}

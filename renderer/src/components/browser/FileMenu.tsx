/** Right-click menu of the file list: Open, Download…, New folder, Refresh, Copy path. */
import type { FileEntry } from '../../../../shared/files.js';
import { isContainer } from '../../lib/entries.js';
import { getTab, selectedEntries } from '../../state/browser.js';
import { useDialogs } from '../../state/dialogs.js';
import { downloadSelection } from '../../state/files.js';
import { refresh } from '../../state/navigation.js';
import { showInfo } from '../../state/toasts.js';
import { ContextMenu, type MenuEntry } from '../ContextMenu.js';
import { CopyIcon, DownloadIcon, NewFolderIcon, OpenIcon, RefreshIcon } from '../icons.js';

interface Props {
  connectionId: string;
  x: number;
  y: number;
  target: FileEntry | null;
  onOpen(entry: FileEntry): void;
  onClose(): void;
}

export function FileMenu({ connectionId, x, y, target, onOpen, onClose }: Props) {
  const tab = getTab(connectionId);
  if (!tab) return null;
  const selected = selectedEntries(tab);
  const atS3Root = tab.protocol === 's3' && tab.path === '/';
  const items: MenuEntry[] = [
    {
      label: 'Open',
      icon: <OpenIcon />,
      shortcut: 'Enter',
      disabled: !target || !isContainer(target),
      onSelect: () => target && onOpen(target),
    },
    {
      label: 'Download…',
      icon: <DownloadIcon />,
      disabled: selected.length === 0,
      onSelect: () => void downloadSelection(connectionId),
    },
    'separator',
    {
      label: atS3Root ? 'New bucket…' : 'New folder…',
      icon: <NewFolderIcon />,
      onSelect: () => useDialogs.getState().openNewFolder(connectionId, tab.path, atS3Root),
    },
    { label: 'Refresh', icon: <RefreshIcon />, shortcut: 'F5', onSelect: () => refresh(connectionId) },
    'separator',
    {
      label: 'Copy path',
      icon: <CopyIcon />,
      onSelect: () => {
        const text = selected.length ? selected.map((e) => e.path).join('\n') : tab.path;
        void navigator.clipboard?.writeText(text).then(
          () => showInfo(selected.length > 1 ? `Copied ${selected.length} paths.` : `Copied ${text}`),
          () => undefined,
        );
      },
    },
  ];
  return <ContextMenu x={x} y={y} label="File actions" items={items} onClose={onClose} />;
}

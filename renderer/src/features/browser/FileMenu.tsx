/** Right-click menu of the file list: Open, Download…, New folder, Refresh, Copy path. */
import type { FileEntry } from '../../../../shared/files.js';
import { isContainer } from '../../lib/entries.js';
import { getTab, selectedEntries } from './browserStore.js';
import { openNewFolder } from './dialogs.js';
import { downloadSelection } from '../transfers/transferActions.js';
import { refresh } from './navigation.js';
import { copyText } from '../../api/clipboard.js';
import { showFailure, showInfo } from '../../state/toasts.js';
import { ContextMenu, type MenuEntry } from '../../components/ContextMenu.js';
import { CopyIcon, DownloadIcon, EditIcon, InfoIcon, NewFolderIcon, OpenIcon, RefreshIcon, TrashIcon } from '../../components/icons.js';
import { showActionDialog } from './dialogs.js';
import { deleteTargets, startCopyMove, startRename } from './fileActions.js';
import { bucketMenuItems } from '../buckets/bucketMenuItems.js';
import { openCreateBucket } from '../buckets/dialogs.js';
import { folderObjectText, isFolderObject } from '../s3/folderObject.js';
import { sftpMenuItems } from '../sftp/sftpMenuItems.js';

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
  const folderObject = selected.length === 1 && isFolderObject(selected[0]!);
  const items: MenuEntry[] = [
    {
      label: 'Open',
      icon: <OpenIcon />,
      shortcut: 'Enter',
      disabled: !target || !isContainer(target),
      onSelect: () => target && onOpen(target),
    },
    {
      label: folderObject ? `${folderObjectText.download}…` : 'Download…',
      icon: <DownloadIcon />,
      disabled: selected.length === 0,
      onSelect: () => void downloadSelection(connectionId),
    },
    'separator',
    ...fileActionItems(connectionId, tab.protocol, atS3Root, selected),
    {
      label: atS3Root ? 'New bucket…' : 'New folder…',
      icon: <NewFolderIcon />,
      onSelect: () => (atS3Root ? openCreateBucket(connectionId) : openNewFolder(connectionId, tab.path, false)),
    },
    { label: 'Refresh', icon: <RefreshIcon />, shortcut: 'F5', onSelect: () => refresh(connectionId) },
    ...bucketMenuItems(connectionId, tab, target, selected),
    ...sftpMenuItems(connectionId, tab.protocol, selected, tab.path),
    'separator',
    {
      label: 'Copy path',
      icon: <CopyIcon />,
      onSelect: () => {
        const text = selected.length ? selected.map((e) => e.path).join('\n') : tab.path;
        void copyText(text).then(
          () => showInfo(selected.length > 1 ? `Copied ${selected.length} paths.` : `Copied ${text}`),
          (caught: unknown) => showFailure(caught, 'Could not copy'),
        );
      },
    },
  ];
  return <ContextMenu x={x} y={y} label="File actions" items={items} onClose={onClose} />;
}

/** Rename, copy, move, delete, and for S3 objects properties and share; at the S3 root, open by name. */
function fileActionItems(connectionId: string, protocol: 's3' | 'sftp', atS3Root: boolean, selected: FileEntry[]): MenuEntry[] {
  if (atS3Root) {
    return [{ label: 'Open bucket by name…', icon: <OpenIcon />, onSelect: () => showActionDialog({ kind: 'openBucket', connectionId }) }, 'separator'];
  }
  // A folder object's path names its whole folder: it may not be renamed, copied, moved or shared.
  const unmovable = selected.length === 0 || selected.some(isFolderObject);
  const s3File = protocol === 's3' && selected.length === 1 && selected[0]!.kind === 'file' ? selected[0]! : null;
  const shareable = s3File && !isFolderObject(s3File) ? s3File : null;
  const items: MenuEntry[] = [
    { label: 'Rename…', icon: <EditIcon />, shortcut: 'F2', disabled: unmovable || selected.length !== 1, onSelect: () => startRename(connectionId) },
    { label: 'Copy to…', icon: <CopyIcon />, disabled: unmovable, onSelect: () => startCopyMove(connectionId, 'copy') },
    { label: 'Move to…', icon: <OpenIcon />, disabled: unmovable, onSelect: () => startCopyMove(connectionId, 'move') },
    { label: 'Delete…', icon: <TrashIcon />, shortcut: 'Del', danger: true, disabled: selected.length === 0, onSelect: () => void deleteTargets(connectionId) },
  ];
  if (protocol === 's3') {
    items.push(
      { label: 'Properties…', icon: <InfoIcon />, disabled: !s3File, onSelect: () => s3File && showActionDialog({ kind: 'properties', connectionId, path: s3File.path }) },
      { label: 'Share link…', icon: <CopyIcon />, disabled: !shareable, onSelect: () => shareable && showActionDialog({ kind: 'share', connectionId, path: shareable.path }) },
    );
  }
  items.push('separator');
  return items;
}

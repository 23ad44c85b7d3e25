/** Right-click menu of the file list: Open, Download…, Upload files or a folder, New folder, Refresh, Copy path. */
import type { FileEntry, Protocol } from '../../../../shared/files.js';
import { isContainer } from '../../lib/entries.js';
import { getTab, selectedEntries } from './browserStore.js';
import { openNewFolder } from './dialogs.js';
import { downloadSelection } from '../transfers/transferActions.js';
import { uploadMenuItems } from '../transfers/UploadMenu.js';
import { refresh } from './navigation.js';
import { copyText } from '../../api/clipboard.js';
import { showFailure, showInfo } from '../../state/toasts.js';
import { ContextMenu, type MenuEntry } from '../../components/ContextMenu.js';
import { CopyIcon, DownloadIcon, EditIcon, InfoIcon, NewFolderIcon, OpenIcon, RefreshIcon, TrashIcon } from '../../components/icons.js';
import { showActionDialog } from './dialogs.js';
import { deleteTargets, duplicateTargets, startCopyMove, startRename } from './fileActions.js';
import { keyLabels, shortcutLabel } from '../../lib/keyboard.js';
import { bucketMenuItems, deletedMenuItems } from '../buckets/bucketMenuItems.js';
import { openCreateBucket } from '../buckets/dialogs.js';
import { folderObjectText, isFolderObject } from '../s3/folderObject.js';
import { sftpMenuItems } from '../sftp/sftpMenuItems.js';
import { editMenuItems } from '../editing/editMenuItems.js';
import { quickLookMenuItems } from '../preview/quickLookMenuItems.js';
import { useTranslation } from 'react-i18next';
import { t as translate } from '../../i18n/i18n.js';

interface Props {
  connectionId: string;
  x: number;
  y: number;
  target: FileEntry | null;
  onOpen(entry: FileEntry): void;
  onClose(): void;
}

export function FileMenu({ connectionId, x, y, target, onOpen, onClose }: Props) {
  const { t } = useTranslation();
  const tab = getTab(connectionId);
  if (!tab) return null;
  const selected = selectedEntries(tab);
  const atS3Root = tab.protocol === 's3' && tab.path === '/';
  // Deleted objects (Show deleted) can only be restored.
  if (selected.length && selected.every((e) => e.deleted)) return <ContextMenu x={x} y={y} label={t('browser:menu.label')} items={deletedMenuItems(connectionId, selected, onOpen)} onClose={onClose} />;
  const folderObject = selected.length === 1 && isFolderObject(selected[0]!);
  // Uploads go into the folder (or bucket) clicked on, else into the folder shown.
  const uploadInto = target && isContainer(target) && !isFolderObject(target) ? target.path : tab.path;
  // This computer's disk is where uploads come from and downloads go: no transfers of its own.
  const remote = tab.protocol !== 'local';
  const items: MenuEntry[] = [
    {
      label: t('browser:menu.open'),
      icon: <OpenIcon />,
      shortcut: keyLabels.enter(),
      disabled: !target || !isContainer(target),
      onSelect: () => target && onOpen(target),
    },
    ...quickLookMenuItems(connectionId, selected),
    ...(remote
      ? [
          {
            label: folderObject ? `${folderObjectText.download}…` : t('browser:menu.download'),
            icon: <DownloadIcon />,
            disabled: selected.length === 0,
            onSelect: () => void downloadSelection(connectionId),
          },
          ...uploadMenuItems(connectionId, uploadInto, tab.protocol === 's3' && uploadInto === '/'),
        ]
      : []),
    'separator',
    ...fileActionItems(connectionId, tab.protocol, atS3Root, selected),
    {
      label: atS3Root ? t('browser:menu.newBucket') : t('browser:menu.newFolder'),
      icon: <NewFolderIcon />,
      onSelect: () => (atS3Root ? openCreateBucket(connectionId) : openNewFolder(connectionId, tab.path, false)),
    },
    { label: t('browser:menu.refresh'), icon: <RefreshIcon />, shortcut: keyLabels.f5(), onSelect: () => refresh(connectionId) },
    ...bucketMenuItems(connectionId, tab, target, selected),
    ...(atS3Root || !remote ? [] : editMenuItems(connectionId, selected)),
    ...sftpMenuItems(connectionId, tab.protocol, selected, tab.path),
    'separator',
    {
      label: t('browser:menu.copyPath'),
      icon: <CopyIcon />,
      onSelect: () => {
        const text = selected.length ? selected.map((e) => e.path).join('\n') : tab.path;
        void copyText(text).then(
          () => showInfo(selected.length > 1 ? t('browser:menu.copiedPaths', { count: selected.length }) : t('browser:menu.copiedPath', { path: text })),
          (caught: unknown) => showFailure(caught, t('browser:menu.copyFailed')),
        );
      },
    },
  ];
  return <ContextMenu x={x} y={y} label={t('browser:menu.label')} items={items} onClose={onClose} />;
}

/** Rename (in the row), duplicate, copy, move, delete, and for S3 objects properties and share; at the S3 root, open by name. */
function fileActionItems(connectionId: string, protocol: Protocol, atS3Root: boolean, selected: FileEntry[]): MenuEntry[] {
  if (atS3Root) {
    return [{ label: translate('browser:menu.openBucketByName'), icon: <OpenIcon />, onSelect: () => showActionDialog({ kind: 'openBucket', connectionId }) }, 'separator'];
  }
  // A folder object's path names its whole folder: it may not be renamed, copied, moved or shared.
  const unmovable = selected.length === 0 || selected.some(isFolderObject);
  const s3File = protocol === 's3' && selected.length === 1 && selected[0]!.kind === 'file' ? selected[0]! : null;
  const shareable = s3File && !isFolderObject(s3File) ? s3File : null;
  const items: MenuEntry[] = [
    { label: translate('browser:menu.rename'), icon: <EditIcon />, shortcut: keyLabels.f2(), disabled: unmovable || selected.length !== 1, onSelect: () => startRename(connectionId) },
    { label: translate('browser:menu.duplicate'), icon: <CopyIcon />, shortcut: shortcutLabel('D'), disabled: unmovable, onSelect: () => void duplicateTargets(connectionId) },
    { label: translate('browser:menu.copyTo'), icon: <CopyIcon />, disabled: unmovable, onSelect: () => startCopyMove(connectionId, 'copy') },
    { label: translate('browser:menu.moveTo'), icon: <OpenIcon />, shortcut: shortcutLabel('Shift+M'), disabled: unmovable, onSelect: () => startCopyMove(connectionId, 'move') },
    { label: translate('browser:menu.delete'), icon: <TrashIcon />, shortcut: keyLabels.delete(), danger: true, disabled: selected.length === 0, onSelect: () => void deleteTargets(connectionId) },
  ];
  if (protocol === 's3') {
    items.push(
      { label: translate('browser:menu.properties'), icon: <InfoIcon />, disabled: !s3File, onSelect: () => s3File && showActionDialog({ kind: 'properties', connectionId, path: s3File.path }) },
      { label: translate('browser:menu.share'), icon: <CopyIcon />, disabled: !shareable, onSelect: () => shareable && showActionDialog({ kind: 'share', connectionId, path: shareable.path }) },
    );
  }
  items.push('separator');
  return items;
}

/** The Upload… button's menu: files, or a whole folder. */
import { ContextMenu, type MenuEntry } from '../../components/ContextMenu.js';
import { t } from '../../i18n/i18n.js';
import { NewFolderIcon, UploadIcon } from '../../components/icons.js';
import { pickAndUpload } from './uploadPicker.js';

/** The two ways to upload into `folder`, for this menu and the file list's. */
export function uploadMenuItems(connectionId: string, folder: string, disabled = false): MenuEntry[] {
  return [
    { label: t('transfers:upload.files'), icon: <UploadIcon />, disabled, onSelect: () => pickAndUpload(connectionId, folder, 'files') },
    { label: t('transfers:upload.folder'), icon: <NewFolderIcon />, disabled, onSelect: () => pickAndUpload(connectionId, folder, 'folder') },
  ];
}

interface Props {
  connectionId: string;
  folder: string;
  x: number;
  y: number;
  onClose(): void;
}

export function UploadMenu({ connectionId, folder, x, y, onClose }: Props) {
  return <ContextMenu x={x} y={y} label={t('transfers:upload.menu')} items={uploadMenuItems(connectionId, folder)} onClose={onClose} />;
}

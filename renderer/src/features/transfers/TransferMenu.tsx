/** Right-click menu of a transfer row, acting on the selection when the row is in it: pause, resume, retry, cancel, show, go to, copy. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferSnapshot } from '../../../../shared/transfers.js';
import { parentPath } from '../../../../shared/paths.js';
import { ContextMenu, type MenuEntry } from '../../components/ContextMenu.js';
import { CloseIcon, CloudIcon, CopyIcon, OpenIcon, PauseIcon, PlayIcon, RetryIcon } from '../../components/icons.js';
import { getTab } from '../browser/browserStore.js';
import { useConnections } from '../connections/connectionStore.js';
import { controlTransfers, showTransferInFolder, type TransferCommand } from './transferActions.js';
import { navigate } from '../browser/navigation.js';
import { copyText } from '../../api/clipboard.js';
import { showFailure, showInfo } from '../../state/toasts.js';
import { selectedTransfers, useTransfers } from './transferStore.js';
import { targetsOf } from './transferCommands.js';
import { rowTransfers, type PanelRow } from './transferRows.js';

interface Props {
  x: number;
  y: number;
  target: PanelRow;
  onClose(): void;
}

/** The transfers a menu on `target` acts on: the selection if the row is in it, else the row alone (a folder row: its files). */
function chosenFor(target: PanelRow): TransferSnapshot[] {
  const state = useTransfers.getState();
  return state.selected[target.key] ? selectedTransfers(state) : rowTransfers(target);
}

/** The menu is about this row alone: it is not selected, or it is the whole selection. */
function aloneIn(target: PanelRow): boolean {
  const { selected } = useTransfers.getState();
  const keys = Object.keys(selected).filter((key) => selected[key]);
  return !selected[target.key] || (keys.length === 1 && keys[0] === target.key);
}

/** Opens a folder transfer's remote folder in the file browser. */
function goToRemoteFolder(connectionId: string, remoteFolder: string): void {
  const tab = getTab(connectionId);
  if (!tab) return;
  useConnections.getState().setActive(connectionId);
  navigate(connectionId, remoteFolder);
}

/** Opens the remote folder in the file browser, with the transfer's file selected. */
function goToRemote(t: TransferSnapshot): void {
  const tab = getTab(t.connectionId);
  if (!tab) return;
  useConnections.getState().setActive(t.connectionId);
  navigate(t.connectionId, parentPath(tab.protocol, t.remotePath) ?? '/', { select: t.remotePath });
}

export function TransferMenu({ x, y, target, onClose }: Props) {
  const { t } = useTranslation();
  const chosen = chosenFor(target);
  const folder = target.kind === 'folder' && aloneIn(target) ? target.totals : undefined;
  const single = chosen.length === 1 ? chosen[0] : folder ? chosen[0] : undefined;
  const command = (action: TransferCommand, label: string, icon: ReactNode, shortcut?: string): MenuEntry => {
    const ids = targetsOf(action, chosen);
    return { label, icon, shortcut, disabled: ids.length === 0, danger: action === 'cancel', onSelect: () => void controlTransfers(action, ids) };
  };
  const items: MenuEntry[] = [
    command('pause', t('transfers:actions.pause'), <PauseIcon />, 'Space'),
    command('resume', t('transfers:actions.resume'), <PlayIcon />, 'Space'),
    command('retry', t('transfers:actions.retry'), <RetryIcon />),
    command('cancel', t('transfers:actions.cancel'), <CloseIcon />, 'Delete'),
    'separator',
    {
      label: t('transfers:menu.showInFolder'),
      icon: <OpenIcon />,
      disabled: !single || single.direction === 'storageClass' || single.direction === 'copy',
      onSelect: () => single && void showTransferInFolder(single.id),
    },
    {
      label: t('transfers:menu.goToRemote'),
      icon: <CloudIcon />,
      disabled: !single || !getTab(single.connectionId),
      onSelect: () => (folder ? goToRemoteFolder(folder.connectionId, folder.folder.remotePath) : single && goToRemote(single)),
    },
    {
      label: chosen.length > 1 && !folder ? t('transfers:menu.copyPaths') : t('transfers:menu.copyPath'),
      icon: <CopyIcon />,
      onSelect: () => {
        const text = folder ? folder.folder.remotePath : chosen.map((t) => t.remotePath).join('\n');
        void copyText(text).then(
          () => showInfo(chosen.length > 1 && !folder ? t('transfers:menu.copiedPaths', { count: chosen.length }) : t('transfers:menu.copied', { text })),
          (caught: unknown) => showFailure(caught, t('transfers:menu.copyFailed')),
        );
      },
    },
  ];
  return <ContextMenu x={x} y={y} label={t('transfers:menu.label')} items={items} onClose={onClose} />;
}

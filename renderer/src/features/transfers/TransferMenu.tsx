/** Right-click menu of a transfer row, acting on the selection when the row is in it: pause, resume, retry, cancel, show, go to, copy. */
import type { ReactNode } from 'react';
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

interface Props {
  x: number;
  y: number;
  target: TransferSnapshot;
  onClose(): void;
}

/** The transfers a menu on `target` acts on: the selection if the row is in it, else the row alone. */
function chosenFor(target: TransferSnapshot): TransferSnapshot[] {
  const state = useTransfers.getState();
  return state.selected[target.id] ? selectedTransfers(state) : [target];
}

/** Opens the remote folder in the file browser, with the transfer's file selected. */
function goToRemote(t: TransferSnapshot): void {
  const tab = getTab(t.connectionId);
  if (!tab) return;
  useConnections.getState().setActive(t.connectionId);
  navigate(t.connectionId, parentPath(tab.protocol, t.remotePath) ?? '/', { select: t.remotePath });
}

export function TransferMenu({ x, y, target, onClose }: Props) {
  const chosen = chosenFor(target);
  const single = chosen.length === 1 ? chosen[0] : undefined;
  const command = (action: TransferCommand, label: string, icon: ReactNode, shortcut?: string): MenuEntry => {
    const ids = targetsOf(action, chosen);
    return { label, icon, shortcut, disabled: ids.length === 0, danger: action === 'cancel', onSelect: () => void controlTransfers(action, ids) };
  };
  const items: MenuEntry[] = [
    command('pause', 'Pause', <PauseIcon />, 'Space'),
    command('resume', 'Resume', <PlayIcon />, 'Space'),
    command('retry', 'Retry', <RetryIcon />),
    command('cancel', 'Cancel', <CloseIcon />, 'Delete'),
    'separator',
    {
      label: 'Show in folder',
      icon: <OpenIcon />,
      disabled: !single || single.direction === 'storageClass',
      onSelect: () => single && void showTransferInFolder(single.id),
    },
    {
      label: 'Go to remote folder',
      icon: <CloudIcon />,
      disabled: !single || !getTab(single.connectionId),
      onSelect: () => single && goToRemote(single),
    },
    {
      label: chosen.length > 1 ? 'Copy remote paths' : 'Copy remote path',
      icon: <CopyIcon />,
      onSelect: () => {
        const text = chosen.map((t) => t.remotePath).join('\n');
        void copyText(text).then(
          () => showInfo(chosen.length > 1 ? `Copied ${chosen.length} paths.` : `Copied ${text}`),
          (caught: unknown) => showFailure(caught, 'Could not copy'),
        );
      },
    },
  ];
  return <ContextMenu x={x} y={y} label="Transfer actions" items={items} onClose={onClose} />;
}

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nativeImage, type IpcMain, type NativeImage } from 'electron';
import { dragOutChannel, dragOutPrepareChannel } from '../../shared/contract/transfers.js';
import { messageOf } from '../core/errors.js';
import type { RemoteCore } from './remoteCore.js';
import { removeOldDragFolders } from '../core/transfers/dragOut.js';
import { answerPrepare } from './dragOutPrepare.js';
import { PreparedDrags } from './preparedDrags.js';
import { isTrustedSender } from './security.js';
import { mainWords } from './mainWords.js';

const dragRoot = join(tmpdir(), 'stowage-drag-out');
const dayMs = 24 * 60 * 60 * 1000;
const refused = () => ({ ok: false, error: { kind: 'permission', message: mainWords.t('main:refusedFrame') } }) as const;

/**
 * Drag out to the OS, on its two channels (ipcBridge passes the IPC module, so the IPC glue
 * stays in one file):
 * - prepare (invoke): the core downloads the items through the queue into a fresh folder
 *   inside the drag folder; main keeps where they landed and answers with them.
 * - start (send-only): the page's dragstart handler sends prepared paths, and main starts the
 *   OS drag before this listener returns. Electron's guide asks for `startDrag` inside the
 *   page's dragstart handling: the mouse button is still down. Nothing here waits for a
 *   download, so a drag never starts late; a path main did not hand out is never dragged.
 */
export function registerDragOut(ipc: Pick<IpcMain, 'handle' | 'on'>, core: Pick<RemoteCore, 'prepareDragOut'>, iconPath: string): void {
  void removeOldDragFolders(dragRoot, dayMs);
  const drags = new PreparedDrags(dragRoot);
  let icon: NativeImage | undefined;

  ipc.handle(dragOutPrepareChannel, (event, payload: unknown) => {
    if (!isTrustedSender(event.senderFrame)) return refused();
    return answerPrepare((request, root) => core.prepareDragOut(request, root), drags, payload);
  });

  ipc.on(dragOutChannel, (event, payload: unknown) => {
    if (!isTrustedSender(event.senderFrame)) return;
    const checked = drags.check(payload);
    if (!checked.ok) {
      console.warn(`drag out refused: ${checked.reason}`);
      return;
    }
    // An empty image makes startDrag throw ("Must specify non-empty 'icon' option").
    icon ??= nativeImage.createFromPath(iconPath).resize({ width: 32, height: 32 });
    try {
      event.sender.startDrag({ file: checked.paths[0]!, files: checked.paths, icon });
    } catch (error) {
      console.warn(`drag out: ${messageOf(error)}`);
    }
  });
}

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nativeImage, type IpcMainEvent } from 'electron';
import { messageOf } from '../core/errors.js';
import type { RemoteCore } from '../core/process/remoteCore.js';
import { removeOldDragFolders } from '../core/transfers/dragOut.js';
import { isTrustedSender } from './security.js';

const dragRoot = join(tmpdir(), 'stowage-drag-out');
const dayMs = 24 * 60 * 60 * 1000;

/**
 * Drag out to the OS: the core downloads the items through the queue into a temp folder,
 * then the OS drag starts with them. Registered by ipcBridge on the send-only channel.
 */
export function dragOutListener(core: RemoteCore, iconPath: string): (event: IpcMainEvent, payload: unknown) => void {
  void removeOldDragFolders(dragRoot, dayMs);
  const icon = nativeImage.createFromPath(iconPath).resize({ width: 32, height: 32 });
  return (event, payload) => {
    if (!isTrustedSender(event.senderFrame)) return;
    void (async () => {
      try {
        const paths = await core.prepareDragOut(payload, dragRoot);
        if (!event.sender.isDestroyed()) event.sender.startDrag({ file: paths[0]!, files: paths, icon });
      } catch (error) {
        // The transfer's own row in the panel already says what went wrong.
        console.warn('drag out:', messageOf(error));
      }
    })();
  };
}

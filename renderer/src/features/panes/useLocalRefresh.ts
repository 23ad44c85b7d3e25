/** A local pane lists again when a download lands in the folder it shows (uploads refresh their connection's pane in state/events.ts). */
import { useEffect } from 'react';
import { localConnectionId, secondLocalConnectionId } from '../../../../shared/localDisk.js';
import { getTab } from '../browser/browserStore.js';
import { scheduleRefresh } from '../browser/navigation.js';
import { useTransfers } from '../transfers/transferStore.js';
import { hostPathOf } from '../../../../shared/localDisk.js';
import { onWindows } from './localDisk.js';

export function useLocalRefresh(): void {
  useEffect(
    () =>
      useTransfers.subscribe((state, previous) => {
        if (state.byId === previous.byId) return;
        const landed = Object.values(state.byId).filter((s) => s.direction === 'download' && s.state === 'completed' && previous.byId[s.id]?.state !== 'completed');
        if (landed.length === 0) return;
        for (const id of [localConnectionId, secondLocalConnectionId]) {
          const tab = getTab(id);
          if (!tab) continue;
          const folder = hostPathOf(tab.path, onWindows());
          if (landed.some((s) => isInside(folder, s.localPath))) scheduleRefresh(id);
        }
      }),
    [],
  );
}

function isInside(folder: string, path: string): boolean {
  const base = folder.endsWith('/') || folder.endsWith('\\') ? folder : `${folder}${folder.includes('\\') ? '\\' : '/'}`;
  return path.startsWith(base);
}

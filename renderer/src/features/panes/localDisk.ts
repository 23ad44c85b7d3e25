/** Opening this computer's disk in a pane: the core answers its home folder like a connection's. */
import { api, unwrap } from '../../api/client.js';
import { showFailure } from '../../state/toasts.js';
import { t } from '../../i18n/i18n.js';
import { getTab } from '../browser/browserStore.js';
import { openWhereLeft } from './resumeFolders.js';
import { useApp } from '../../state/app.js';

/** Opens the local disk under `id` (one of its reserved ids) at the home folder, once. */
export async function openLocalDisk(id: string): Promise<void> {
  if (getTab(id)) return;
  try {
    const outcome = await unwrap(api().connections.connect({ id }));
    if (outcome.state === 'connected') void openWhereLeft(id, 'local', outcome.homePath);
  } catch (caught) {
    showFailure(caught, t('panes:localFailed'));
  }
}

/** Whether this computer is Windows (its drives are the local pane's top level), as the core reports its platform. */
export const onWindows = (): boolean => useApp.getState().info?.platform === 'win32';

/** Mounts the folder sync dialog when it is open. */
import { syncDialog } from './dialogs.js';
import { SyncDialog } from './SyncDialog.js';

export function SyncDialogs() {
  const args = syncDialog.use();
  return args ? <SyncDialog key={args.pairId ?? 'new'} {...args} /> : null;
}

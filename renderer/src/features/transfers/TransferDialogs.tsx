/** Mounts the open transfer dialog (a bucket's incomplete uploads). */
import { IncompleteUploadsDialog } from './IncompleteUploadsDialog.js';
import { transferDialog } from './dialogs.js';

export function TransferDialogs() {
  const open = transferDialog.use();
  if (open?.kind === 'incomplete') return <IncompleteUploadsDialog key={`${open.connectionId}/${open.bucket}`} connectionId={open.connectionId} bucket={open.bucket} />;
  return null;
}

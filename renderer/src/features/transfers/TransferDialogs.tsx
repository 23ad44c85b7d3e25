/** Mounts the open transfer dialog (settings, or a bucket's incomplete uploads). */
import { IncompleteUploadsDialog } from './IncompleteUploadsDialog.js';
import { TransferSettingsDialog } from './TransferSettingsDialog.js';
import { useTransferDialogs } from './transferDialogs.js';

export function TransferDialogs() {
  const settingsOpen = useTransferDialogs((s) => s.settingsOpen);
  const incomplete = useTransferDialogs((s) => s.incomplete);
  if (settingsOpen) return <TransferSettingsDialog />;
  if (incomplete) return <IncompleteUploadsDialog key={`${incomplete.connectionId}/${incomplete.bucket}`} {...incomplete} />;
  return null;
}

/** Entry points to the transfer dialogs, placed in the panel header, sidebar and browser toolbar. */
import { splitS3Path } from '../../../../shared/paths.js';
import { useTab } from '../browser/browserStore.js';
import { GearIcon, PartsIcon } from './icons.js';
import { transferDialog } from './dialogs.js';

export function TransferSettingsButton({ small }: { small?: boolean }) {
  return (
    <button type="button" className={small ? 'icon-btn small' : 'icon-btn'} aria-label="Transfer settings" title="Transfer settings" onClick={() => void transferDialog.open({ kind: 'settings' })}>
      <GearIcon size={small ? 14 : 16} />
    </button>
  );
}

/** Inside an S3 bucket: its multipart uploads that were never finished. */
export function IncompleteUploadsButton({ connectionId }: { connectionId: string }) {
  const tab = useTab(connectionId);
  if (!tab || tab.protocol !== 's3' || tab.path === '/') return null;
  const { bucket } = splitS3Path(tab.path);
  return (
    <button type="button" className="icon-btn" aria-label="Incomplete uploads" title={`Unfinished multipart uploads in “${bucket}”`} onClick={() => void transferDialog.open({ kind: 'incomplete', connectionId, bucket })}>
      <PartsIcon />
    </button>
  );
}

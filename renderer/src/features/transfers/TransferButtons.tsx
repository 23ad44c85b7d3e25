/** Entry points to the transfer dialogs placed in the browser toolbar. */
import { useTranslation } from 'react-i18next';
import { splitS3Path } from '../../../../shared/paths.js';
import { useTab } from '../browser/browserStore.js';
import { PartsIcon } from './icons.js';
import { transferDialog } from './dialogs.js';

/** Inside an S3 bucket: its multipart uploads that were never finished. */
export function IncompleteUploadsButton({ connectionId }: { connectionId: string }) {
  const { t } = useTranslation();
  const tab = useTab(connectionId);
  if (!tab || tab.protocol !== 's3' || tab.path === '/') return null;
  const { bucket } = splitS3Path(tab.path);
  return (
    <button
      type="button"
      className="icon-btn"
      aria-label={t('transfers:buttons.incomplete')}
      title={t('transfers:buttons.incompleteTitle', { bucket })}
      onClick={() => void transferDialog.open({ kind: 'incomplete', connectionId, bucket })}
    >
      <PartsIcon />
    </button>
  );
}

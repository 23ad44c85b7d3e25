import { breadcrumbs } from '../../../../shared/paths.js';
import type { Tab } from './browserStore.js';
import { crumbLabel } from './crumbLabel.js';
import { UploadIcon } from '../../components/icons.js';
import { Trans, useTranslation } from 'react-i18next';

/** The highlight shown while files from the OS are dragged over the list. */
export function DropOverlay({ tab, into }: { tab: Tab; into?: string }) {
  const { t } = useTranslation();
  const atS3Root = tab.protocol === 's3' && tab.path === '/' && !into;
  const last = breadcrumbs(tab.protocol, into ?? tab.path).at(-1);
  const folder = last ? crumbLabel(tab.protocol, last) : tab.path;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <UploadIcon size={26} />
        {atS3Root ? (
          <span>{t('browser:drop.openBucket')}</span>
        ) : (
          <span>
            <Trans i18nKey="browser:drop.into" values={{ folder }} components={{ 1: <strong data-user-text="" /> }} />
          </span>
        )}
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { VersioningStatus } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { askConfirm } from '../../state/dialogs.js';
import { forgetVersioning } from './deletedObjects.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { useSave } from './useSave.js';

/** S3's three versioning states, each with its words. */
const statusKeys: Record<VersioningStatus, string> = {
  'Never enabled': 'buckets:versioning.status.never',
  Enabled: 'buckets:versioning.status.enabled',
  Suspended: 'buckets:versioning.status.suspended',
};

export function VersioningPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const { t } = useTranslation();
  const save = useSave(reload);
  const set = (status: 'Enabled' | 'Suspended') =>
    save.run(async () => {
      await unwrap(api().buckets.setVersioning({ connectionId, bucket, status }));
      forgetVersioning(connectionId, bucket);
    });
  return (
    <PanelFrame title={t('buckets:versioning.title')} explanation={t('buckets:versioning.explanation')} panel={settings.versioning}>
      {(status) => (
        <div className="bucket-panel-body">
          <p>
            {t('buckets:versioning.current')}{' '}
            <span className={`bucket-badge ${status === 'Enabled' ? 'ok' : 'neutral'}`} data-testid="versioning-state" data-status={status}>
              {t(statusKeys[status])}
            </span>
          </p>
          <p className="bucket-note">{t('buckets:versioning.note')}</p>
          <div className="bucket-actions">
            {status !== 'Enabled' ? (
              <button
                type="button"
                className="btn btn-primary"
                disabled={save.busy}
                onClick={async () => {
                  const ok =
                    status === 'Suspended' ||
                    (await askConfirm({
                      title: t('buckets:versioning.confirmTitle'),
                      message: t('buckets:versioning.confirmMessage', { bucket }),
                      confirmLabel: t('buckets:versioning.enable'),
                    }));
                  if (ok) await set('Enabled');
                }}
              >
                {t('buckets:versioning.enable')}
              </button>
            ) : (
              <button type="button" className="btn" disabled={save.busy} onClick={() => void set('Suspended')}>
                {t('buckets:versioning.suspend')}
              </button>
            )}
          </div>
          <SaveState {...save.state} />
        </div>
      )}
    </PanelFrame>
  );
}

import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { useSave } from './useSave.js';

export function RequesterPaysPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const { t } = useTranslation();
  const save = useSave(reload);
  const set = (requesterPays: boolean) => save.run(() => unwrap(api().buckets.setRequesterPays({ connectionId, bucket, requesterPays })));
  return (
    <PanelFrame
      title={t('buckets:requesterPays.title')}
      explanation={t('buckets:requesterPays.explanation')}
      panel={settings.requesterPays}
    >
      {(on) => (
        <div className="bucket-panel-body">
          <p>
            {t('buckets:now')}{' '}
            <span className={`bucket-badge ${on ? 'ok' : 'neutral'}`} data-testid="requester-pays-state">
              {on ? t('buckets:requesterPays.requester') : t('buckets:requesterPays.owner')}
            </span>
          </p>
          <p className="bucket-note">{t('buckets:requesterPays.note')}</p>
          <div className="bucket-actions">
            <button type="button" className={on ? 'btn' : 'btn btn-primary'} disabled={save.busy} onClick={() => void set(!on)}>
              {on ? t('buckets:requesterPays.turnOff') : t('buckets:requesterPays.turnOn')}
            </button>
          </div>
          <SaveState {...save.state} />
        </div>
      )}
    </PanelFrame>
  );
}

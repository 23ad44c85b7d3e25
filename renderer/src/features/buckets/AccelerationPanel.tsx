/** Transfer Acceleration (AWS only): on or off, and why a name with dots cannot have it. */
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { useSave } from './useSave.js';

export function AccelerationPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const { t } = useTranslation();
  const save = useSave(reload);
  const set = (enabled: boolean) => save.run(() => unwrap(api().buckets.setAccelerate({ connectionId, bucket, enabled })));
  return (
    <PanelFrame title={t('buckets:acceleration.title')} explanation={t('buckets:acceleration.explanation')} panel={settings.accelerate}>
      {({ enabled, nameHasDots }) => (
        <div className="bucket-panel-body">
          <p>
            {t('buckets:now')}{' '}
            <span className={`bucket-badge ${enabled ? 'ok' : 'neutral'}`} data-testid="acceleration-state" data-enabled={String(enabled)}>
              {enabled ? t('buckets:acceleration.on') : t('buckets:acceleration.off')}
            </span>
          </p>
          {nameHasDots && !enabled ? (
            <p className="alert" role="status">
              {t('buckets:acceleration.dots')}
            </p>
          ) : (
            <p className="bucket-note">{t('buckets:acceleration.note', { bucket })}</p>
          )}
          <div className="bucket-actions">
            <button
              type="button"
              className={enabled ? 'btn' : 'btn btn-primary'}
              disabled={save.busy || (nameHasDots && !enabled)}
              onClick={() => void set(!enabled)}
            >
              {enabled ? t('buckets:acceleration.turnOff') : t('buckets:acceleration.turnOn')}
            </button>
          </div>
          <SaveState {...save.state} />
        </div>
      )}
    </PanelFrame>
  );
}

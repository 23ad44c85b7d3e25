import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loggingWarning, type LoggingConfig } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { WarningIcon } from '../../components/icons.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { useUnsavedChanges } from './unsavedChanges.js';
import { useSave } from './useSave.js';

export function LoggingPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const { t } = useTranslation();
  const current: LoggingConfig = settings.logging.supported ? settings.logging.value : { enabled: false };
  const [enabled, setEnabled] = useState(current.enabled);
  const [target, setTarget] = useState(current.enabled ? current.targetBucket : '');
  const [prefix, setPrefix] = useState(current.enabled ? current.targetPrefix : `logs/${bucket}/`);
  useEffect(() => setEnabled(current.enabled), [current.enabled]);
  const save = useSave(reload);
  const draft: LoggingConfig = enabled ? { enabled: true, targetBucket: target.trim(), targetPrefix: prefix } : { enabled: false };
  const warning = loggingWarning(bucket, draft);
  const savedTarget = current.enabled ? current.targetBucket : '';
  const savedPrefix = current.enabled ? current.targetPrefix : `logs/${bucket}/`;
  const write = () => save.run(() => unwrap(api().buckets.setLogging({ connectionId, bucket, logging: draft })));
  useUnsavedChanges(enabled !== current.enabled || (enabled && (target.trim() !== savedTarget || prefix !== savedPrefix)), {
    canSave: !(enabled && target.trim() === ''),
    save: write,
    discard: () => {
      setEnabled(current.enabled);
      setTarget(savedTarget);
      setPrefix(savedPrefix);
    },
  });
  return (
    <PanelFrame
      title={t('buckets:logging.title')}
      explanation={t('buckets:logging.explanation')}
      panel={settings.logging}
    >
      {(now) => (
        <div className="bucket-panel-body">
          <p>
            {t('buckets:now')}{' '}
            <span className={`bucket-badge ${now.enabled ? 'ok' : 'neutral'}`} data-testid="logging-state">
              {now.enabled ? t('buckets:logging.to', { target: `${now.targetBucket}/${now.targetPrefix}` }) : t('buckets:logging.off')}
            </span>
          </p>
          <label className="bucket-switch">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
            <span>{t('buckets:logging.enable')}</span>
          </label>
          {enabled ? (
            <div className="bucket-fields">
              <label>
                {t('buckets:logging.target')}
                <input className="input mono" aria-label={t('buckets:logging.target')} value={target} placeholder={t('buckets:placeholder.logBucket')} onChange={(e) => setTarget(e.currentTarget.value)} />
              </label>
              <label>
                <span>
                  {t('buckets:logging.prefix')} <small>{t('buckets:logging.prefixHint')}</small>
                </span>
                <input className="input mono" aria-label={t('buckets:logging.prefixLabel')} value={prefix} onChange={(e) => setPrefix(e.currentTarget.value)} />
              </label>
            </div>
          ) : null}
          {warning ? (
            <div className="alert bucket-warning" role="status">
              <WarningIcon size={16} />
              <div>{t(warning.key, warning.params ?? {})}</div>
            </div>
          ) : null}
          <div className="bucket-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={save.busy || (enabled && target.trim() === '')}
              onClick={() => void write()}
            >
              {t('buckets:logging.save')}
            </button>
          </div>
          <SaveState {...save.state} />
        </div>
      )}
    </PanelFrame>
  );
}

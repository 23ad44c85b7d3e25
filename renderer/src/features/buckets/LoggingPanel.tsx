import { useEffect, useState } from 'react';
import { loggingWarning, type LoggingConfig } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { WarningIcon } from '../../components/icons.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { useSave } from './useSave.js';

export function LoggingPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const current: LoggingConfig = settings.logging.supported ? settings.logging.value : { enabled: false };
  const [enabled, setEnabled] = useState(current.enabled);
  const [target, setTarget] = useState(current.enabled ? current.targetBucket : '');
  const [prefix, setPrefix] = useState(current.enabled ? current.targetPrefix : `logs/${bucket}/`);
  useEffect(() => setEnabled(current.enabled), [current.enabled]);
  const save = useSave(reload);
  const draft: LoggingConfig = enabled ? { enabled: true, targetBucket: target.trim(), targetPrefix: prefix } : { enabled: false };
  const warning = loggingWarning(bucket, draft);
  return (
    <PanelFrame
      title="Server access logging"
      explanation="Writes a log line for every request made to this bucket (who, what, when, the answer) into another bucket, for audits and billing questions."
      panel={settings.logging}
    >
      {(now) => (
        <div className="bucket-panel-body">
          <p>
            Now:{' '}
            <span className={`bucket-badge ${now.enabled ? 'ok' : 'neutral'}`} data-testid="logging-state">
              {now.enabled ? `Logging to ${now.targetBucket}/${now.targetPrefix}` : 'Off'}
            </span>
          </p>
          <label className="bucket-switch">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
            <span>Log requests to this bucket</span>
          </label>
          {enabled ? (
            <div className="bucket-fields">
              <label>
                Target bucket
                <input className="input mono" aria-label="Target bucket" value={target} placeholder="my-access-logs" onChange={(e) => setTarget(e.currentTarget.value)} />
              </label>
              <label>
                <span>
                  Prefix <small>(the logs' key names start with it)</small>
                </span>
                <input className="input mono" aria-label="Log prefix" value={prefix} onChange={(e) => setPrefix(e.currentTarget.value)} />
              </label>
            </div>
          ) : null}
          {warning ? (
            <div className="alert bucket-warning" role="status">
              <WarningIcon size={16} />
              <div>{warning}</div>
            </div>
          ) : null}
          <div className="bucket-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={save.busy || (enabled && target.trim() === '')}
              onClick={() => void save.run(() => unwrap(api().buckets.setLogging({ connectionId, bucket, logging: draft })))}
            >
              Save logging
            </button>
          </div>
          <SaveState {...save.state} />
        </div>
      )}
    </PanelFrame>
  );
}

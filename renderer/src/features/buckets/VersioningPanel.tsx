import { api, unwrap } from '../../api/client.js';
import { askConfirm } from '../../state/dialogs.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { useSave } from './useSave.js';

export function VersioningPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const save = useSave(reload);
  const set = (status: 'Enabled' | 'Suspended') =>
    save.run(() => unwrap(api().buckets.setVersioning({ connectionId, bucket, status })));
  return (
    <PanelFrame
      title="Versioning"
      explanation="Keeps every version of every object, so an overwrite or delete can be undone."
      panel={settings.versioning}
    >
      {(status) => (
        <div className="bucket-panel-body">
          <p>
            Current state: <span className={`bucket-badge ${status === 'Enabled' ? 'ok' : 'neutral'}`} data-testid="versioning-state">{status}</span>
          </p>
          <p className="bucket-note">
            Once enabled, a bucket can never go back to “never enabled”: it can only be suspended. Suspending keeps the versions already stored.
          </p>
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
                      title: 'Enable versioning?',
                      message: `“${bucket}” will keep every version of its objects from now on. This cannot be undone: versioning can later be suspended, never removed.`,
                      confirmLabel: 'Enable versioning',
                    }));
                  if (ok) await set('Enabled');
                }}
              >
                Enable versioning
              </button>
            ) : (
              <button type="button" className="btn" disabled={save.busy} onClick={() => void set('Suspended')}>
                Suspend versioning
              </button>
            )}
          </div>
          <SaveState {...save.state} />
        </div>
      )}
    </PanelFrame>
  );
}

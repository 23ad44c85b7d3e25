import { api, unwrap } from '../../api/client.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { useSave } from './useSave.js';

export function RequesterPaysPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const save = useSave(reload);
  const set = (requesterPays: boolean) => save.run(() => unwrap(api().buckets.setRequesterPays({ connectionId, bucket, requesterPays })));
  return (
    <PanelFrame
      title="Requester pays"
      explanation="Normally the bucket owner pays for every request and download. With requester pays on, whoever reads the data pays for the requests and the transfer out; the owner still pays for storage."
      panel={settings.requesterPays}
    >
      {(on) => (
        <div className="bucket-panel-body">
          <p>
            Now:{' '}
            <span className={`bucket-badge ${on ? 'ok' : 'neutral'}`} data-testid="requester-pays-state">
              {on ? 'The requester pays' : 'The bucket owner pays'}
            </span>
          </p>
          <p className="bucket-note">
            Anonymous requests are refused while it is on, and readers from other accounts must agree to pay by sending the “x-amz-request-payer” header.
          </p>
          <div className="bucket-actions">
            <button type="button" className={on ? 'btn' : 'btn btn-primary'} disabled={save.busy} onClick={() => void set(!on)}>
              {on ? 'Turn requester pays off' : 'Turn requester pays on'}
            </button>
          </div>
          <SaveState {...save.state} />
        </div>
      )}
    </PanelFrame>
  );
}

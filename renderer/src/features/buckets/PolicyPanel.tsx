import { useEffect, useState } from 'react';
import { policyProblem, publicReadPolicy } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { askConfirm } from '../../state/dialogs.js';
import { JsonField } from './JsonField.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { useSave } from './useSave.js';

export function PolicyPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const current = settings.policy.supported ? settings.policy.value : '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  const save = useSave(reload);
  const problem = text.trim() ? policyProblem(text) : null;
  return (
    <PanelFrame title="Bucket policy" explanation="A JSON document that grants or denies access to the bucket and its objects, to other accounts or to everyone." panel={settings.policy}>
      {(saved) => (
        <div className="bucket-panel-body">
          <JsonField label="Policy (JSON)" rows={14} value={text} onChange={setText} problem={problem} placeholder="No policy: only the owner and IAM permissions grant access." />
          <div className="bucket-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={save.busy || !text.trim() || !!problem || text === saved}
              onClick={() => void save.run(() => unwrap(api().buckets.setPolicy({ connectionId, bucket, policy: text })))}
            >
              Save policy
            </button>
            <button type="button" className="btn" onClick={() => setText(publicReadPolicy(bucket))}>
              Insert public-read policy
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={save.busy || !saved}
              onClick={async () => {
                const ok = await askConfirm({
                  title: 'Delete the bucket policy?',
                  message: `Everything the policy of “${bucket}” grants or denies stops applying at once.`,
                  confirmLabel: 'Delete policy',
                  danger: true,
                });
                if (ok) await save.run(() => unwrap(api().buckets.setPolicy({ connectionId, bucket, policy: '' })));
              }}
            >
              Delete policy
            </button>
          </div>
          <SaveState {...save.state} />
        </div>
      )}
    </PanelFrame>
  );
}

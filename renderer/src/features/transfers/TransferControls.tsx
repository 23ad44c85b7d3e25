/** Pause, resume, cancel and retry for the selected transfers, or for all when none is selected. */
import { controlTransfers, type TransferCommand } from './transferActions.js';
import { selectedTransfers, useTransfers } from './transferStore.js';
import { targetsOf } from './transferCommands.js';

const labels: Record<TransferCommand, string> = { pause: 'Pause', resume: 'Resume', cancel: 'Cancel', retry: 'Retry' };

export function TransferControls() {
  const byId = useTransfers((s) => s.byId);
  const selected = useTransfers((s) => s.selected);
  const chosen = selectedTransfers({ byId, selected });
  const scope = chosen.length > 0 ? chosen : Object.values(byId);
  const suffix = chosen.length > 0 ? ` selected (${chosen.length})` : ' all';
  return (
    <div className="transfer-controls" role="toolbar" aria-label="Transfer controls">
      {(Object.keys(labels) as TransferCommand[]).map((action) => {
        const ids = targetsOf(action, scope);
        return (
          <button
            key={action}
            type="button"
            className="btn small"
            disabled={ids.length === 0}
            title={`${labels[action]}${suffix}`}
            onClick={() => void controlTransfers(action, ids)}
          >
            {labels[action]}
            {chosen.length > 0 ? '' : ' all'}
          </button>
        );
      })}
    </div>
  );
}

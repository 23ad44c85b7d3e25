/** Pause, resume, cancel and retry for the selected transfers, or for all when none is selected. */
import type { TransferSnapshot, TransferState } from '../../../../shared/transfers.js';
import { controlTransfers } from '../../state/files.js';
import { useTransfers } from '../../state/transfers.js';

type Action = 'pause' | 'resume' | 'cancel' | 'retry';

const appliesTo: Record<Action, TransferState[]> = {
  pause: ['queued', 'running', 'waiting'],
  resume: ['paused'],
  cancel: ['queued', 'running', 'waiting', 'paused', 'failed'],
  retry: ['failed', 'cancelled'],
};

const labels: Record<Action, string> = { pause: 'Pause', resume: 'Resume', cancel: 'Cancel', retry: 'Retry' };

export function targetsOf(action: Action, list: TransferSnapshot[]): string[] {
  return list.filter((t) => appliesTo[action].includes(t.state)).map((t) => t.id);
}

export function TransferControls() {
  const byId = useTransfers((s) => s.byId);
  const selected = useTransfers((s) => s.selected);
  const chosen = Object.keys(selected).filter((id) => byId[id]);
  const scope = chosen.length > 0 ? chosen.map((id) => byId[id]!) : Object.values(byId);
  const suffix = chosen.length > 0 ? ` selected (${chosen.length})` : ' all';
  return (
    <div className="transfer-controls" role="toolbar" aria-label="Transfer controls">
      {(Object.keys(labels) as Action[]).map((action) => {
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

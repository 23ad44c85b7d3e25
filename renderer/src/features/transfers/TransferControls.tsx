/** Pause, resume, cancel and retry for the selected transfers, or for all when none is selected (Retry all: the failed ones). */
import { useTranslation } from 'react-i18next';
import { controlTransfers, type TransferCommand } from './transferActions.js';
import { selectedTransfers, useTransfers } from './transferStore.js';
import { allTargetsOf, targetsOf } from './transferCommands.js';

/** Each command's words: on its own (a selection), for all, and the selection's tooltip. */
const words: Record<TransferCommand, { one: string; all: string; selected: string }> = {
  pause: { one: 'transfers:actions.pause', all: 'transfers:controls.pauseAll', selected: 'transfers:controls.pauseSelected' },
  resume: { one: 'transfers:actions.resume', all: 'transfers:controls.resumeAll', selected: 'transfers:controls.resumeSelected' },
  cancel: { one: 'transfers:actions.cancel', all: 'transfers:controls.cancelAll', selected: 'transfers:controls.cancelSelected' },
  retry: { one: 'transfers:actions.retry', all: 'transfers:controls.retryAll', selected: 'transfers:controls.retrySelected' },
};

export function TransferControls() {
  const { t } = useTranslation();
  const byId = useTransfers((s) => s.byId);
  const selected = useTransfers((s) => s.selected);
  const chosen = selectedTransfers({ byId, selected });
  const scope = chosen.length > 0 ? chosen : Object.values(byId);
  return (
    <div className="transfer-controls" role="toolbar" aria-label={t('transfers:controls.toolbar')}>
      {(Object.keys(words) as TransferCommand[]).map((action) => {
        const ids = chosen.length > 0 ? targetsOf(action, scope) : allTargetsOf(action, scope);
        const label = chosen.length > 0 ? t(words[action].one) : t(words[action].all);
        const title =
          chosen.length > 0 ? t(words[action].selected, { count: chosen.length }) : action === 'retry' ? t('transfers:controls.retryAllTitle') : label;
        return (
          <button key={action} type="button" className="btn small" disabled={ids.length === 0} title={title} onClick={() => void controlTransfers(action, ids)}>
            {label}
          </button>
        );
      })}
    </div>
  );
}

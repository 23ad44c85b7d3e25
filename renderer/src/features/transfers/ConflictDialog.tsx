/** Asks what to do when a transfer's target exists; answers go back to main by id. */
import './transfers.css';
import { useState } from 'react';
import type { ConflictChoice, TransferConflict, TransferSnapshot } from '../../../../shared/transfers.js';
import { api, unwrap } from '../../api/client.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { WarningIcon } from '../../components/icons.js';
import { VisibleName } from '../../components/VisibleName.js';
import { formatBytes } from '../../lib/format.js';
import { useTransfers } from './transferStore.js';
import { showFailure } from '../../state/toasts.js';

function firstWaiting(byId: Record<string, TransferSnapshot>, order: string[]): TransferConflict | undefined {
  for (const id of order) {
    const t = byId[id];
    if (t?.state === 'waiting' && t.conflict) return t.conflict;
  }
  return undefined;
}

function facts(f: { size?: number; modifiedAt?: number }): string {
  const size = f.size !== undefined ? formatBytes(f.size) : 'size unknown';
  const when = f.modifiedAt ? new Date(f.modifiedAt).toLocaleString() : 'date unknown';
  return `${size}, modified ${when}`;
}

export function ConflictDialog() {
  const conflict = useTransfers((s) => firstWaiting(s.byId, s.order));
  const waitingCount = useTransfers((s) => Object.values(s.byId).filter((t) => t.state === 'waiting').length);
  if (!conflict) return null;
  return <ConflictQuestion key={conflict.id} conflict={conflict} others={waitingCount - 1} />;
}

function ConflictQuestion({ conflict, others }: { conflict: TransferConflict; others: number }) {
  const [applyToAll, setApplyToAll] = useState(false);
  const [busy, setBusy] = useState(false);
  const answer = async (choice: ConflictChoice) => {
    setBusy(true);
    try {
      await unwrap(api().transfers.resolveConflict({ id: conflict.id, choice, applyToAll }));
    } catch (caught) {
      showFailure(caught);
      setBusy(false);
    }
  };
  const where = conflict.direction === 'upload' ? 'on the server' : 'in the download folder';
  const choices: [ConflictChoice, string, boolean][] = [
    ['skip', 'Skip', true],
    ['rename', 'Keep both', true],
    ['newer', 'Replace if newer', true],
    ['resume', 'Resume', conflict.canResume],
  ];
  return (
    <Modal title="The file already exists" className="small-dialog conflict-dialog" icon={<WarningIcon size={20} />} onCancel={() => void answer('skip')} initialFocus="[data-autofocus]">
      <div className="modal-body">
        <p>
          <strong>
            <VisibleName text={conflict.name} />
          </strong>{' '}
          already exists {where}.
        </p>
        <dl className="conflict-facts">
          <dt>Existing</dt>
          <dd data-testid="conflict-target">{facts(conflict.target)}</dd>
          <dt>{conflict.direction === 'upload' ? 'Uploading' : 'Downloading'}</dt>
          <dd data-testid="conflict-source">{facts(conflict.source)}</dd>
        </dl>
        {conflict.canResume ? <p className="muted">A partial copy is there: Resume sends only the rest.</p> : null}
        <label className="checkbox">
          <input type="checkbox" checked={applyToAll} onChange={(e) => setApplyToAll(e.target.checked)} />
          Do this for all conflicts{others > 0 ? ` (${others} more waiting)` : ''}
        </label>
      </div>
      <ModalFooter>
        {choices
          .filter(([, , shown]) => shown)
          .map(([choice, label]) => (
            <button key={choice} type="button" className="btn" disabled={busy} data-autofocus={choice === 'skip' ? true : undefined} onClick={() => void answer(choice)}>
              {label}
            </button>
          ))}
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void answer('overwrite')}>
          Replace
        </button>
      </ModalFooter>
    </Modal>
  );
}

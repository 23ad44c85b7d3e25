/** Asks what to do when a transfer's target exists; answers go back to main by id. */
import './transfers.css';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ConflictChoice, TransferConflict, TransferSnapshot } from '../../../../shared/transfers.js';
import { revealHiddenControls } from '../../../../shared/hiddenControls.js';
import { api, unwrap } from '../../api/client.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { WarningIcon } from '../../components/icons.js';
import { formatBytes, formatDate } from '../../lib/format.js';
import { t } from '../../i18n/i18n.js';
import { useTransfers } from './transferStore.js';
import { showFailure } from '../../state/toasts.js';

function firstWaiting(byId: Record<string, TransferSnapshot>, order: string[]): TransferConflict | undefined {
  for (const id of order) {
    const s = byId[id];
    if (s?.state === 'waiting' && s.conflict) return s.conflict;
  }
  return undefined;
}

function facts(f: { size?: number; modifiedAt?: number }): string {
  const size = f.size !== undefined ? formatBytes(f.size) : t('transfers:conflict.sizeUnknown');
  const date = f.modifiedAt ? formatDate(f.modifiedAt) : t('transfers:conflict.dateUnknown');
  return t('transfers:conflict.facts', { size, date });
}

export function ConflictDialog() {
  const conflict = useTransfers((s) => firstWaiting(s.byId, s.order));
  const waitingCount = useTransfers((s) => Object.values(s.byId).filter((x) => x.state === 'waiting').length);
  if (!conflict) return null;
  return <ConflictQuestion key={conflict.id} conflict={conflict} others={waitingCount - 1} />;
}

function ConflictQuestion({ conflict, others }: { conflict: TransferConflict; others: number }) {
  const { t } = useTranslation();
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
  const choices: [ConflictChoice, string, boolean][] = [
    ['skip', t('transfers:conflict.skip'), true],
    ['rename', t('transfers:conflict.keepBoth'), true],
    ['newer', t('transfers:conflict.replaceIfNewer'), true],
    ['resume', t('transfers:conflict.resume'), conflict.canResume],
  ];
  const upload = conflict.direction === 'upload';
  return (
    <Modal title={t('transfers:conflict.title')} className="small-dialog conflict-dialog" icon={<WarningIcon size={20} />} onCancel={() => void answer('skip')} initialFocus="[data-autofocus]">
      <div className="modal-body">
        <p>
          {conflict.copy ? (
            <Trans i18nKey="transfers:conflict.existsAtDestination" values={{ name: revealHiddenControls(conflict.name) }} components={{ 1: <strong data-user-text /> }} />
          ) : upload ? (
            <Trans i18nKey="transfers:conflict.existsOnServer" values={{ name: revealHiddenControls(conflict.name) }} components={{ 1: <strong data-user-text /> }} />
          ) : (
            <Trans i18nKey="transfers:conflict.existsLocally" values={{ name: revealHiddenControls(conflict.name) }} components={{ 1: <strong data-user-text /> }} />
          )}
        </p>
        <dl className="conflict-facts">
          <dt>{t('transfers:conflict.existing')}</dt>
          <dd data-testid="conflict-target">{facts(conflict.target)}</dd>
          <dt>{conflict.copy ? t('transfers:conflict.copying') : upload ? t('transfers:conflict.uploading') : t('transfers:conflict.downloading')}</dt>
          <dd data-testid="conflict-source">{facts(conflict.source)}</dd>
        </dl>
        {conflict.canResume ? <p className="muted">{t('transfers:conflict.partial')}</p> : null}
        <label className="checkbox">
          <input type="checkbox" checked={applyToAll} onChange={(e) => setApplyToAll(e.target.checked)} />
          {others > 0 ? t('transfers:conflict.applyToAllWaiting', { count: others }) : t('transfers:conflict.applyToAll')}
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
          {t('transfers:conflict.replace')}
        </button>
      </ModalFooter>
    </Modal>
  );
}

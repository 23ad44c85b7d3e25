/** One transfer (or storage class change): kind, name, progress, bytes, speed, time left, state and controls. */
import { memo } from 'react';
import type { TransferSnapshot } from '../../../../shared/transfers.js';
import { controlTransfers } from './transferActions.js';
import { useTransfers } from './transferStore.js';
import { CloseIcon, PauseIcon, PlayIcon, RetryIcon } from '../../components/icons.js';
import { KindIcon } from './KindIcon.js';
import { VisibleName } from '../../components/VisibleName.js';
import { revealHiddenControls } from '../../../../shared/hiddenControls.js';
import { kindLabel, kindTarget, rowDetails, runningLabel, whereOf } from './transferKind.js';

export const TRANSFER_ROW_HEIGHT = 46;

/** The row's element id, for the list's aria-activedescendant. */
export const transferRowId = (id: string) => `transfer-row-${id}`;

interface Props {
  transfer: TransferSnapshot;
  top: number;
  /** The row the keyboard is on. */
  focused: boolean;
  onMenu(event: React.MouseEvent, transfer: TransferSnapshot): void;
}

const stateLabels: Record<TransferSnapshot['state'], string> = {
  queued: 'Waiting',
  running: 'Transferring',
  paused: 'Paused',
  waiting: 'Needs an answer',
  completed: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const TransferRow = memo(function TransferRow({ transfer: t, top, focused, onMenu }: Props) {
  const fraction = t.size ? Math.min(1, t.bytesDone / t.size) : t.state === 'completed' ? 1 : 0;
  const where = whereOf(t);
  const target = kindTarget(t);
  const label = kindLabel(t);
  const act = (action: 'pause' | 'resume' | 'cancel' | 'retry') => () => void controlTransfers(action, [t.id]);
  const canPause = t.state === 'running' || t.state === 'queued' || t.state === 'waiting';
  const canCancel = canPause || t.state === 'paused' || t.state === 'failed';
  const selected = useTransfers((s) => s.selected[t.id] === true);
  const select = useTransfers((s) => s.select);
  const canRetry = t.state === 'failed' || t.state === 'cancelled';

  return (
    <div
      id={transferRowId(t.id)}
      role="option"
      className={`transfer-row state-${t.state}${selected ? ' selected' : ''}${focused ? ' focused' : ''}`}
      data-testid="transfer"
      data-transfer-id={t.id}
      data-state={t.state}
      aria-selected={selected}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('button')) return;
        select(t.id, e.ctrlKey || e.metaKey);
      }}
      onContextMenu={(e) => onMenu(e, t)}
      style={{ transform: `translateY(${top}px)` }}
      title={revealHiddenControls(t.detail ? `${where}\n${t.detail}` : where)}
    >
      <span className={`transfer-dir ${t.direction}`} title={label}>
        <KindIcon transfer={t} />
        <span className="visually-hidden">{label}</span>
      </span>
      <div className="transfer-main">
        <div className="transfer-line">
          <span className="transfer-name">
            <VisibleName text={t.name} />
          </span>
          {target ? <span className={`transfer-target ${t.direction}`}>{target}</span> : null}
          <span className="transfer-state">{t.state === 'running' ? runningLabel(t) : stateLabels[t.state]}</span>
        </div>
        <div className="transfer-line">
          <span
            className="progress"
            role="progressbar"
            aria-label={`${t.name} progress`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.floor(fraction * 100)}
          >
            <span className="progress-fill" style={{ width: `${fraction * 100}%` }} />
          </span>
          {t.state === 'failed' && t.error ? (
            <span className="transfer-error" title={t.error.message}>
              {t.error.message}
            </span>
          ) : (
            <span className="transfer-details">{rowDetails(t)}</span>
          )}
        </div>
      </div>
      <div className="transfer-actions">
        {t.state === 'paused' ? (
          <button type="button" className="icon-btn small" aria-label="Resume" title="Resume" onClick={act('resume')}>
            <PlayIcon size={14} />
          </button>
        ) : canPause ? (
          <button type="button" className="icon-btn small" aria-label="Pause" title="Pause" onClick={act('pause')}>
            <PauseIcon size={14} />
          </button>
        ) : null}
        {canRetry ? (
          <button type="button" className="icon-btn small" aria-label="Retry" title="Retry" onClick={act('retry')}>
            <RetryIcon size={14} />
          </button>
        ) : null}
        {canCancel ? (
          <button type="button" className="icon-btn small" aria-label="Cancel" title="Cancel" onClick={act('cancel')}>
            <CloseIcon size={14} />
          </button>
        ) : null}
      </div>
    </div>
  );
});

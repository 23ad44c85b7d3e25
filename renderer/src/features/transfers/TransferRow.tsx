/** One transfer (or storage class change): kind, name, progress, bytes, speed, time left, state and controls. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferSnapshot } from '../../../../shared/transfers.js';
import { useTransfers } from './transferStore.js';
import { KindBadge, RowProgress } from './RowParts.js';
import { RowActions } from './RowActions.js';
import { VisibleName } from '../../components/VisibleName.js';
import { revealHiddenControls } from '../../../../shared/hiddenControls.js';
import { errorText } from '../../i18n/errorText.js';
import { detailOf, kindLabel, kindTarget, rowDetails, runningLabel, stateLabel, whereOf } from './transferKind.js';

export const TRANSFER_ROW_HEIGHT = 46;

/** The row's element id, for the list's aria-activedescendant. */
export const transferRowId = (id: string) => `transfer-row-${id}`;

interface Props {
  transfer: TransferSnapshot;
  top: number;
  /** The row the keyboard is on. */
  focused: boolean;
  /** One of an expanded folder row's files. */
  child?: boolean;
  onMenu(event: React.MouseEvent, key: string): void;
}

export const TransferRow = memo(function TransferRow({ transfer: t, top, focused, child, onMenu }: Props) {
  useTranslation(); // the words below follow the window's language
  const detail = detailOf(t);
  const fraction = t.size ? Math.min(1, t.bytesDone / t.size) : t.state === 'completed' ? 1 : 0;
  const where = whereOf(t);
  const target = kindTarget(t);
  const label = kindLabel(t);
  const selected = useTransfers((s) => s.selected[t.id] === true);
  const select = useTransfers((s) => s.select);

  return (
    <div
      id={transferRowId(t.id)}
      role="option"
      className={`transfer-row state-${t.state}${child ? ' child' : ''}${selected ? ' selected' : ''}${focused ? ' focused' : ''}`}
      data-testid="transfer"
      data-transfer-id={t.id}
      data-state={t.state}
      aria-selected={selected}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('button')) return;
        select(t.id, e.ctrlKey || e.metaKey);
      }}
      onContextMenu={(e) => onMenu(e, t.id)}
      style={{ transform: `translateY(${top}px)` }}
      title={revealHiddenControls(detail ? `${where}\n${detail}` : where)}
    >
      <KindBadge transfer={t} label={label} />
      <div className="transfer-main">
        <div className="transfer-line">
          <span className="transfer-name" data-user-text>
            <VisibleName text={t.name} />
          </span>
          {target ? (
            <span className={`transfer-target ${t.direction}`} data-user-text>
              {target}
            </span>
          ) : null}
          <span className="transfer-state">{t.state === 'running' ? runningLabel(t) : stateLabel(t.state)}</span>
        </div>
        <div className="transfer-line">
          <RowProgress name={t.name} fraction={fraction} />
          {t.state === 'failed' && t.error ? (
            <span className="transfer-error" title={errorText(t.error)}>
              {errorText(t.error)}
            </span>
          ) : (
            <span className="transfer-details">{rowDetails(t)}</span>
          )}
        </div>
      </div>
      <RowActions list={[t]} />
    </div>
  );
});

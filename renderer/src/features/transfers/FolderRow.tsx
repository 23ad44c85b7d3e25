/** A folder the user transferred, as one row: files and bytes done of its total, speed, time left; it opens to list its files. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/errorText.js';
import { ChevronDownIcon, ChevronRightIcon } from '../../components/icons.js';
import { VisibleName } from '../../components/VisibleName.js';
import { KindBadge, RowProgress } from './RowParts.js';
import { RowActions } from './RowActions.js';
import { folderDetails, folderKindLabel, folderTarget, folderWhere, stateLabel } from './transferKind.js';
import type { FolderTotals } from './transferRows.js';
import { transferRowId } from './TransferRow.js';
import { useTransfers } from './transferStore.js';

interface Props {
  totals: FolderTotals;
  expanded: boolean;
  top: number;
  focused: boolean;
  onMenu(event: React.MouseEvent, key: string): void;
}

export const FolderRow = memo(function FolderRow({ totals: f, expanded, top, focused, onMenu }: Props) {
  const { t } = useTranslation();
  const selected = useTransfers((s) => s.selected[f.key] === true);
  const select = useTransfers((s) => s.select);
  const setExpanded = useTransfers((s) => s.setExpanded);
  const fraction = f.size ? Math.min(1, f.bytesDone / f.size) : f.state === 'completed' ? 1 : 0;
  const target = folderTarget(f);
  const label = folderKindLabel(f);
  const where = folderWhere(f);
  const first = f.members[0]!;
  return (
    <div
      id={transferRowId(f.key)}
      role="option"
      className={`transfer-row folder-row state-${f.state}${selected ? ' selected' : ''}${focused ? ' focused' : ''}`}
      data-testid="transfer"
      data-folder={f.folder.name}
      data-state={f.state}
      aria-selected={selected}
      aria-expanded={expanded}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('button')) return;
        select(f.key, e.ctrlKey || e.metaKey);
      }}
      onDoubleClick={(e) => {
        if (!(e.target as HTMLElement).closest('button')) setExpanded(f.key, !expanded);
      }}
      onContextMenu={(e) => onMenu(e, f.key)}
      style={{ transform: `translateY(${top}px)` }}
      title={where}
    >
      <button
        type="button"
        className="icon-btn small folder-toggle"
        aria-label={expanded ? t('transfers:row.hideFiles') : t('transfers:row.showFiles')}
        aria-expanded={expanded}
        title={expanded ? t('transfers:row.hideFilesTitle') : t('transfers:row.showFilesTitle')}
        onClick={() => setExpanded(f.key, !expanded)}
      >
        {expanded ? <ChevronDownIcon size={14} /> : <ChevronRightIcon size={14} />}
      </button>
      <KindBadge transfer={first} label={label} />
      <div className="transfer-main">
        <div className="transfer-line">
          <span className="transfer-name" data-user-text>
            <VisibleName text={`${f.folder.name}/`} />
          </span>
          <span className={`transfer-target folder-target ${f.direction}`} title={target} data-user-text>
            → {target}
          </span>
          <span className="transfer-state">{stateLabel(f.state)}</span>
        </div>
        <div className="transfer-line">
          <RowProgress name={f.folder.name} fraction={fraction} />
          <span className="transfer-details">{folderDetails(f)}</span>
          {f.state === 'failed' && f.error ? (
            <span className="transfer-error" title={errorText(f.error)}>
              {errorText(f.error)}
            </span>
          ) : null}
        </div>
      </div>
      <RowActions list={f.members} />
    </div>
  );
});

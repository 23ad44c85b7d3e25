/** One row of the grid. Memoised: only rows whose entry or state changed re-render. */
import { memo } from 'react';
import type { FileEntry } from '../../../../shared/files.js';
import { isContainer } from '../../lib/entries.js';
import { formatBytes, formatDate, formatDateLong, formatStorageClass } from '../../lib/format.js';
import { EntryIcon } from '../../components/icons.js';
import { SftpCells } from '../sftp/SftpCells.js';
import { RestoreBadge } from '../buckets/RestoreBadge.js';
import { FolderObjectBadge } from '../s3/folderObject.js';
import { revealHiddenControls } from '../../../../shared/hiddenControls.js';
import { VisibleName } from '../../components/VisibleName.js';

export interface RowHandlers {
  onRowClick(event: React.MouseEvent, entry: FileEntry): void;
  onRowOpen(entry: FileEntry): void;
  onRowMenu(event: React.MouseEvent, entry: FileEntry): void;
  /** Dragging rows out of the app (to the OS). */
  onRowDragStart?(event: React.DragEvent, entry: FileEntry): void;
  /** A press that may begin such a drag. */
  onRowPointerDown?(event: React.PointerEvent, entry: FileEntry): void;
}

interface Props extends RowHandlers {
  entry: FileEntry;
  index: number;
  top: number;
  selected: boolean;
  focused: boolean;
  showStorageClass: boolean;
  /** SFTP: permissions and owner/group columns. */
  showPermissions?: boolean;
  /** S3: lets archived rows show their restore status. */
  connectionId?: string;
}

export const rowId = (index: number) => `file-row-${index}`;

export const FileRow = memo(function FileRow(props: Props) {
  const { entry, index, top, selected, focused, showStorageClass, showPermissions } = props;
  const folder = isContainer(entry);
  const broken = entry.kind === 'symlink' && entry.linkTargetKind === 'broken';
  const linkNote = entry.kind === 'symlink' && entry.linkTarget ? ` → ${entry.linkTarget}${broken ? ' (broken link)' : ''}` : '';
  return (
    <div
      role="row"
      id={rowId(index)}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-path={entry.path}
      data-kind={entry.kind}
      className={`grid-row file-row${index % 2 ? ' odd' : ''}${selected ? ' selected' : ''}${focused ? ' focused' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={(event) => props.onRowClick(event, entry)}
      onDoubleClick={() => props.onRowOpen(entry)}
      onContextMenu={(event) => props.onRowMenu(event, entry)}
      draggable={props.onRowDragStart ? true : undefined}
      onDragStart={props.onRowDragStart ? (event) => props.onRowDragStart!(event, entry) : undefined}
      onPointerDown={props.onRowPointerDown ? (event) => props.onRowPointerDown!(event, entry) : undefined}
    >
      <div role="gridcell" className="cell cell-name" title={revealHiddenControls(entry.name + linkNote)}>
        <EntryIcon entry={entry} />
        <span className="name-text">
          <VisibleName text={entry.name} />
        </span>
        {linkNote ? (
          <span className={broken ? 'link-target broken' : 'link-target'}>
            <VisibleName text={linkNote} />
          </span>
        ) : null}
        {entry.folderObject ? <FolderObjectBadge bytes={entry.size ?? 0} /> : null}
      </div>
      <div role="gridcell" className="cell cell-size align-end">
        {folder ? '—' : formatBytes(entry.size)}
      </div>
      <div role="gridcell" className="cell cell-modified" title={formatDateLong(entry.modified)}>
        {formatDate(entry.modified)}
      </div>
      {showStorageClass ? (
        <div role="gridcell" className="cell cell-class">
          <span className="class-text">{folder ? '' : formatStorageClass(entry.storageClass)}</span>
          {!folder && props.connectionId ? (
            <RestoreBadge connectionId={props.connectionId} path={entry.path} storageClass={entry.storageClass} selected={selected} />
          ) : null}
        </div>
      ) : null}
      {showPermissions ? <SftpCells entry={entry} /> : null}
    </div>
  );
});

/** One row of the grid. Memoised: only rows whose entry or state changed re-render. */
import { memo } from 'react';
import type { FileEntry } from '../../../../shared/files.js';
import { isContainer } from '../../lib/entries.js';
import { formatBytes, formatDate, formatDateLong, formatStorageClass } from '../../lib/format.js';
import { EntryIcon } from '../../components/icons.js';
import { SftpCells } from '../sftp/SftpCells.js';
import { RestoreBadge } from '../buckets/RestoreBadge.js';
import { DeletedBadge } from '../buckets/DeletedBadge.js';
import { DirectoryBucketBadge } from '../buckets/DirectoryBucketBadge.js';
import { isDirectoryBucket } from '../../../../shared/directoryBuckets.js';
import { FolderObjectBadge } from '../s3/folderObject.js';
import { revealHiddenControls } from '../../../../shared/hiddenControls.js';
import { VisibleName } from '../../components/VisibleName.js';
import { RenameField } from './RenameField.js';
import { useTranslation } from 'react-i18next';

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
  /** The name is being edited in place (needs `renameIn`). */
  renaming?: boolean;
  /** The connection the in-place rename runs on. */
  renameIn?: string;
}

export const rowId = (index: number) => `file-row-${index}`;

export const FileRow = memo(function FileRow(props: Props) {
  const { t } = useTranslation();
  const { entry, index, top, selected, focused, showStorageClass, showPermissions } = props;
  const folder = isContainer(entry);
  const broken = entry.kind === 'symlink' && entry.linkTargetKind === 'broken';
  const linkNote = entry.kind === 'symlink' && entry.linkTarget ? ` → ${entry.linkTarget}${broken ? t('browser:grid.brokenLink') : ''}` : '';
  return (
    <div
      role="row"
      id={rowId(index)}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-path={entry.path}
      data-kind={entry.kind}
      className={`grid-row file-row${index % 2 ? ' odd' : ''}${selected ? ' selected' : ''}${focused ? ' focused' : ''}${entry.deleted ? ' deleted' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={(event) => props.onRowClick(event, entry)}
      onDoubleClick={() => props.onRowOpen(entry)}
      onContextMenu={(event) => props.onRowMenu(event, entry)}
      draggable={props.onRowDragStart && !props.renaming ? true : undefined}
      onDragStart={props.onRowDragStart ? (event) => props.onRowDragStart!(event, entry) : undefined}
      onPointerDown={props.onRowPointerDown ? (event) => props.onRowPointerDown!(event, entry) : undefined}
    >
      <div role="gridcell" className="cell cell-name" title={revealHiddenControls(entry.name + linkNote)}>
        <EntryIcon entry={entry} />
        {props.renaming && props.renameIn ? (
          <RenameField connectionId={props.renameIn} entry={entry} />
        ) : (
          <span className="name-text" data-user-text>
            <VisibleName text={entry.name} />
          </span>
        )}
        {linkNote && !props.renaming ? (
          <span className={broken ? 'link-target broken' : 'link-target'} data-user-text>
            <VisibleName text={linkNote} />
          </span>
        ) : null}
        {entry.folderObject ? <FolderObjectBadge bytes={entry.size ?? 0} /> : null}
        {entry.deleted ? <DeletedBadge /> : null}
        {entry.kind === 'bucket' && isDirectoryBucket(entry.name) ? <DirectoryBucketBadge /> : null}
      </div>
      {/* Sizes, dates and modes are the file's own facts (formatted for the language), marked as data like its name. */}
      <div role="gridcell" className="cell cell-size align-end" data-user-text>
        {folder ? '—' : formatBytes(entry.size)}
      </div>
      <div role="gridcell" className="cell cell-modified" title={formatDateLong(entry.modified)} data-user-text>
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

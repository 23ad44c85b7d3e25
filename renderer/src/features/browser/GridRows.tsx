/**
 * The rows the virtual list has in view, each placed at its offset on a canvas as tall as the
 * whole list: the file list's rows and the search results' alike.
 */
import type { Virtualizer } from '@tanstack/react-virtual';
import type { FileEntry } from '../../../../shared/files.js';
import { FileRow, type RowHandlers } from './FileRow.js';

interface Props {
  view: readonly FileEntry[];
  focusIndex: number;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  handlers: RowHandlers;
  isSelected(path: string): boolean;
  showStorageClass: boolean;
  /** SFTP's permission and owner columns. */
  showPermissions?: boolean;
  /** The connection whose archived rows show their restore status and whose rows rename in place. */
  connectionId?: string;
  /** The row whose name is being edited in place. */
  renaming?: string | null;
}

export function GridRows({ view, focusIndex, virtualizer, handlers, isSelected, showStorageClass, showPermissions, connectionId, renaming }: Props) {
  return (
    <div className="grid-canvas" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const entry = view[item.index]!;
        return (
          <FileRow
            key={entry.path}
            entry={entry}
            index={item.index}
            top={item.start}
            selected={isSelected(entry.path)}
            focused={item.index === focusIndex}
            showStorageClass={showStorageClass}
            connectionId={showStorageClass ? connectionId : undefined}
            showPermissions={showPermissions}
            renaming={renaming === entry.path}
            renameIn={connectionId}
            onRowClick={handlers.onRowClick}
            onRowOpen={handlers.onRowOpen}
            onRowMenu={handlers.onRowMenu}
            onRowDragStart={handlers.onRowDragStart}
            onRowPointerDown={handlers.onRowPointerDown}
          />
        );
      })}
    </div>
  );
}

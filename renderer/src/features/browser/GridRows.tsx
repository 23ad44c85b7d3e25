/** The rows the virtual list has in view, each placed at its offset on a canvas as tall as the whole list. */
import type { Virtualizer } from '@tanstack/react-virtual';
import type { FileEntry } from '../../../../shared/files.js';
import type { Tab } from './browserStore.js';
import { FileRow, type RowHandlers } from './FileRow.js';

interface Props {
  connectionId: string;
  tab: Tab;
  view: readonly FileEntry[];
  focusIndex: number;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  handlers: RowHandlers;
}

export function GridRows({ connectionId, tab, view, focusIndex, virtualizer, handlers }: Props) {
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
            selected={tab.selection.has(entry.path)}
            focused={item.index === focusIndex}
            showStorageClass={tab.protocol === 's3'}
            connectionId={tab.protocol === 's3' ? connectionId : undefined}
            showPermissions={tab.protocol === 'sftp'}
            renaming={tab.renaming === entry.path}
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

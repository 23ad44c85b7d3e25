/**
 * The file list: a virtualised ARIA grid (only visible rows are in the DOM), the drop
 * target for uploads, and home of the file context menu.
 */
import { useRef, type MouseEvent, type RefObject } from 'react';
import type { FileEntry } from '../../../../shared/files.js';
import { useContextMenu } from '../../components/ContextMenu.js';
import { useTab, viewOf } from './browserStore.js';
import { columnsFor, ROW_HEIGHT } from './columns.js';
import { DropOverlay } from './DropOverlay.js';
import { FileMenu } from './FileMenu.js';
import { rowId } from './FileRow.js';
import { GridBodyState } from './GridBodyState.js';
import { GridHeader } from './GridHeader.js';
import { GridRows } from './GridRows.js';
import { clearSelection } from './selection.js';
import { useFileDrop } from './useFileDrop.js';
import { useGridKeys } from './useGridKeys.js';
import { useGridScroll } from './useGridScroll.js';
import { useRowHandlers } from './useRowHandlers.js';
import { useTranslation } from 'react-i18next';

interface Props {
  connectionId: string;
  gridRef: RefObject<HTMLDivElement | null>;
}

export function FileGrid({ connectionId, gridRef }: Props) {
  const { t } = useTranslation();
  const tab = useTab(connectionId)!;
  const view = viewOf(tab);
  const columns = columnsFor(tab.protocol);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { menu, open: openMenu, close: closeMenu } = useContextMenu<FileEntry | null>();
  const { virtualizer, focusIndex } = useGridScroll(tab, view, scrollRef);
  const rowHandlers = useRowHandlers(connectionId, gridRef, openMenu);
  const drop = useFileDrop(connectionId, view, tab.path);

  const openMenuAtFocus = () => {
    const entry = focusIndex >= 0 ? view[focusIndex] : undefined;
    const row = entry ? document.getElementById(rowId(focusIndex)) : null;
    const box = (row ?? scrollRef.current)?.getBoundingClientRect();
    if (box) openMenu(box.left + 40, box.top + (row ? box.height : 8), entry ?? null);
  };

  const onKeyDown = useGridKeys({
    connectionId,
    pageSize: () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 260) / ROW_HEIGHT) - 1),
    open: rowHandlers.openEntry,
    openMenuAtFocus,
  });

  const onGridMenu = (event: MouseEvent) => {
    event.preventDefault();
    clearSelection(connectionId);
    openMenu(event.clientX, event.clientY, null);
  };

  // A click on the empty space below the rows clears the selection.
  const onBodyClick = (event: MouseEvent) => {
    if (event.target === event.currentTarget || (event.target as HTMLElement).classList.contains('grid-canvas')) clearSelection(connectionId);
  };

  const rowInView = focusIndex >= 0 && virtualizer.getVirtualItems().some((item) => item.index === focusIndex);

  return (
    <>
      <div
        ref={gridRef}
        role="grid"
        aria-label={t('browser:grid.label')}
        aria-busy={tab.loading ? 'true' : 'false'}
        aria-rowcount={view.length + 1}
        aria-colcount={columns.length}
        aria-multiselectable="true"
        aria-activedescendant={rowInView ? rowId(focusIndex) : undefined}
        tabIndex={0}
        className={`grid ${tab.protocol}${drop.dropping ? ' dropping' : ''}`}
        onKeyDown={onKeyDown}
        onContextMenu={onGridMenu}
        {...drop.handlers}
      >
        <GridHeader connectionId={connectionId} columns={columns} sort={tab.sort} />
        <div ref={scrollRef} role="rowgroup" className="grid-body" onClick={onBodyClick}>
          <GridRows
            view={view}
            focusIndex={focusIndex}
            virtualizer={virtualizer}
            handlers={rowHandlers}
            isSelected={(path) => tab.selection.has(path)}
            showStorageClass={tab.protocol === 's3'}
            showPermissions={tab.protocol === 'sftp'}
            connectionId={connectionId}
            renaming={tab.renaming}
          />
          <GridBodyState tab={tab} visibleCount={view.length} />
        </div>
        {drop.dropping ? <DropOverlay tab={tab} into={drop.dropInto} /> : null}
      </div>
      {menu ? <FileMenu connectionId={connectionId} x={menu.x} y={menu.y} target={menu.target} onOpen={rowHandlers.openEntry} onClose={closeMenu} /> : null}
    </>
  );
}

/**
 * The file list: a virtualised ARIA grid (only visible rows are in the DOM), the drop
 * target for uploads, and home of the file context menu.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { FileEntry } from '../../../../shared/files.js';
import { isContainer } from '../../lib/entries.js';
import { useTab, viewOf, getTab } from '../../state/browser.js';
import { uploadFiles } from '../../state/files.js';
import { folderRowAt, markDropRow } from '../../features/transfers/dropTarget.js';
import { pressRow, startRowDrag } from '../../features/dragOut/rowDragOut.js';
import { navigate } from '../../state/navigation.js';
import { selectOnly, selectRange, toggle, clearSelection } from '../../state/selection.js';
import { useContextMenu } from '../ContextMenu.js';
import { columnsFor, ROW_HEIGHT } from './columns.js';
import { DropOverlay } from './DropOverlay.js';
import { FileMenu } from './FileMenu.js';
import { FileRow, rowId } from './FileRow.js';
import { GridBodyState } from './GridBodyState.js';
import { GridHeader } from './GridHeader.js';
import { useGridKeys } from './useGridKeys.js';

interface Props {
  connectionId: string;
  gridRef: RefObject<HTMLDivElement | null>;
}

export function FileGrid({ connectionId, gridRef }: Props) {
  const tab = useTab(connectionId)!;
  const view = viewOf(tab);
  const columns = columnsFor(tab.protocol);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [dropping, setDropping] = useState(false);
  // A folder row under the pointer while dropping: the upload goes there instead.
  const [dropInto, setDropInto] = useState<string | undefined>(undefined);
  const { menu, open: openMenu, close: closeMenu } = useContextMenu<FileEntry | null>();

  const virtualizer = useVirtualizer({
    count: view.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const focusIndex = useMemo(
    () => (tab.focus ? view.findIndex((e) => e.path === tab.focus) : -1),
    [view, tab.focus],
  );

  // Scroll the keyboard cursor into view when asked to (moves, "select what we came from").
  const revealed = useRef(tab.reveal);
  useEffect(() => {
    if (focusIndex === -1 || revealed.current === tab.reveal) return;
    revealed.current = tab.reveal;
    virtualizer.scrollToIndex(focusIndex, { align: 'auto' });
  }, [tab.reveal, focusIndex, virtualizer]);

  // A new folder starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [tab.path]);

  const openEntry = useCallback(
    (entry: FileEntry) => {
      if (isContainer(entry)) navigate(connectionId, entry.path);
    },
    [connectionId],
  );

  const onRowClick = useCallback(
    (event: React.MouseEvent, entry: FileEntry) => {
      if (event.shiftKey) selectRange(connectionId, entry.path, event.ctrlKey || event.metaKey);
      else if (event.ctrlKey || event.metaKey) toggle(connectionId, entry.path);
      else selectOnly(connectionId, entry.path);
    },
    [connectionId],
  );

  const onRowMenu = useCallback(
    (event: React.MouseEvent, entry: FileEntry) => {
      event.preventDefault();
      event.stopPropagation();
      if (!getTab(connectionId)?.selection.has(entry.path)) selectOnly(connectionId, entry.path);
      gridRef.current?.focus();
      openMenu(event.clientX, event.clientY, entry);
    },
    [connectionId, gridRef, openMenu],
  );

  const onRowDragStart = useCallback((event: React.DragEvent, entry: FileEntry) => startRowDrag(event, connectionId, entry), [connectionId]);
  const onRowPointerDown = useCallback((event: React.PointerEvent, entry: FileEntry) => pressRow(event, connectionId, entry), [connectionId]);

  const openMenuAtFocus = () => {
    const entry = focusIndex >= 0 ? view[focusIndex] : undefined;
    const row = entry ? document.getElementById(rowId(focusIndex)) : null;
    const box = (row ?? scrollRef.current)?.getBoundingClientRect();
    if (box) openMenu(box.left + 40, box.top + (row ? box.height : 8), entry ?? null);
  };

  const onKeyDown = useGridKeys({
    connectionId,
    pageSize: () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 260) / ROW_HEIGHT) - 1),
    open: openEntry,
    openMenuAtFocus,
  });

  const acceptsFiles = (event: React.DragEvent) => event.dataTransfer.types.includes('Files');

  const items = virtualizer.getVirtualItems();
  const activeRow = focusIndex >= 0 && items.some((item) => item.index === focusIndex) ? rowId(focusIndex) : undefined;

  return (
    <>
    <div
      ref={gridRef}
      role="grid"
      aria-label="Files"
      aria-busy={tab.loading ? 'true' : 'false'}
      aria-rowcount={view.length + 1}
      aria-colcount={columns.length}
      aria-multiselectable="true"
      aria-activedescendant={activeRow}
      tabIndex={0}
      className={`grid ${tab.protocol}${dropping ? ' dropping' : ''}`}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => {
        event.preventDefault();
        clearSelection(connectionId);
        openMenu(event.clientX, event.clientY, null);
      }}
      onDragEnter={(event) => {
        if (!acceptsFiles(event)) return;
        event.preventDefault();
        setDropping(true);
      }}
      onDragOver={(event) => {
        if (!acceptsFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        if (!dropping) setDropping(true);
        const folder = folderRowAt(event.target, view);
        markDropRow(event.target, folder);
        if (folder?.path !== dropInto) setDropInto(folder?.path);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        setDropping(false);
        setDropInto(undefined);
        markDropRow(null, undefined);
      }}
      onDrop={(event) => {
        if (!acceptsFiles(event)) return;
        event.preventDefault();
        setDropping(false);
        setDropInto(undefined);
        markDropRow(null, undefined);
        const into = folderRowAt(event.target, view)?.path ?? tab.path;
        const files = Array.from(event.dataTransfer.files);
        if (files.length) void uploadFiles(connectionId, files, into);
      }}
    >
      <GridHeader connectionId={connectionId} columns={columns} sort={tab.sort} />
      <div
        ref={scrollRef}
        role="rowgroup"
        className="grid-body"
        onClick={(event) => {
          if (event.target === event.currentTarget || (event.target as HTMLElement).classList.contains('grid-canvas')) {
            clearSelection(connectionId);
          }
        }}
      >
        <div className="grid-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
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
                onRowClick={onRowClick}
                onRowOpen={openEntry}
                onRowMenu={onRowMenu}
                onRowDragStart={onRowDragStart}
                onRowPointerDown={onRowPointerDown}
              />
            );
          })}
        </div>
        <GridBodyState tab={tab} visibleCount={view.length} />
      </div>
      {dropping ? <DropOverlay tab={tab} into={dropInto} /> : null}
    </div>
      {menu ? (
        <FileMenu
          connectionId={connectionId}
          x={menu.x}
          y={menu.y}
          target={menu.target}
          onOpen={openEntry}
          onClose={closeMenu}
        />
      ) : null}
    </>
  );
}

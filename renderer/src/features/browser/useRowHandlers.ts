/** What a row does when clicked, opened, right-clicked, pressed or dragged out. */
import { useCallback, useMemo, type DragEvent, type MouseEvent, type PointerEvent, type RefObject } from 'react';
import type { FileEntry } from '../../../../shared/files.js';
import { isContainer } from '../../lib/entries.js';
import { pressRow, startRowDrag } from '../dragOut/rowDragOut.js';
import { getTab } from './browserStore.js';
import { navigate } from './navigation.js';
import type { RowHandlers } from './FileRow.js';
import { selectOnly, selectRange, toggle } from './selection.js';

export function useRowHandlers(
  connectionId: string,
  gridRef: RefObject<HTMLDivElement | null>,
  openMenu: (x: number, y: number, target: FileEntry | null) => void,
): RowHandlers & { openEntry(entry: FileEntry): void } {
  const openEntry = useCallback(
    (entry: FileEntry) => {
      if (isContainer(entry)) navigate(connectionId, entry.path);
    },
    [connectionId],
  );

  const onRowMenu = useCallback(
    (event: MouseEvent, entry: FileEntry) => {
      event.preventDefault();
      event.stopPropagation();
      if (!getTab(connectionId)?.selection.has(entry.path)) selectOnly(connectionId, entry.path);
      gridRef.current?.focus();
      openMenu(event.clientX, event.clientY, entry);
    },
    [connectionId, gridRef, openMenu],
  );

  const rest = useMemo(
    () => ({
      onRowClick(event: MouseEvent, entry: FileEntry) {
        if (event.shiftKey) selectRange(connectionId, entry.path, event.ctrlKey || event.metaKey);
        else if (event.ctrlKey || event.metaKey) toggle(connectionId, entry.path);
        else selectOnly(connectionId, entry.path);
      },
      onRowDragStart: (event: DragEvent, entry: FileEntry) => startRowDrag(event, connectionId, entry),
      onRowPointerDown: (event: PointerEvent, entry: FileEntry) => pressRow(event, connectionId, entry),
    }),
    [connectionId],
  );

  return { openEntry, onRowOpen: openEntry, onRowMenu, ...rest };
}

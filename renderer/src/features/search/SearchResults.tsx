/**
 * The results of a search below the folder shown, in place of its file list: the same rows
 * (name as the path below that folder, size, date, class), a line that says how far the
 * search has got (with Stop, and Continue once it has made its budget of listing requests),
 * and the results' menu. Enter or a double-click opens a folder or shows a file in its folder.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileEntry, Protocol } from '../../../../shared/files.js';
import { useContextMenu } from '../../components/ContextMenu.js';
import { isContainer } from '../../lib/entries.js';
import { useTab } from '../browser/browserStore.js';
import { columnsFor, ROW_HEIGHT } from '../browser/columns.js';
import { rowId, type RowHandlers } from '../browser/FileRow.js';
import { GridRows } from '../browser/GridRows.js';
import { clearSearch, goToResult, selectResult } from './searchActions.js';
import { SearchMenu } from './SearchMenu.js';
import { SearchStatus } from './SearchStatus.js';
import { useSearch } from './searchStore.js';

interface Props {
  connectionId: string;
  gridRef: RefObject<HTMLDivElement | null>;
}

/** A result as its row shows it: named by its path below the folder searched. */
function shownBelow(root: string, entry: FileEntry): FileEntry {
  const inside = entry.path.startsWith(root) ? entry.path.slice(root.length).replace(/^\//u, '') : entry.path;
  const name = entry.kind === 'folder' && inside.endsWith('/') ? inside.slice(0, -1) : inside;
  return name ? { ...entry, name } : entry;
}

const searchColumns = (protocol: Protocol) => columnsFor(protocol === 's3' ? 's3' : 'local');

export function SearchResults({ connectionId, gridRef }: Props) {
  const { t } = useTranslation();
  const tab = useTab(connectionId)!;
  const search = useSearch(connectionId);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { menu, open: openMenu, close: closeMenu } = useContextMenu<FileEntry>();
  const shown = useRef<{ root: string; from: FileEntry[]; rows: FileEntry[] }>({ root: '', from: [], rows: [] });
  // Results only grow while a search runs: only the new ones are renamed.
  const rows = useMemo(() => {
    const cache = shown.current;
    const same = cache.root === search.root && search.results.length >= cache.from.length && cache.from.every((_, i) => i >= cache.rows.length || cache.from[i] === search.results[i]);
    const kept = same ? cache.rows : [];
    const next = kept.concat(search.results.slice(kept.length).map((e) => shownBelow(search.root, e)));
    shown.current = { root: search.root, from: search.results, rows: next };
    return next;
  }, [search.results, search.root]);
  const columns = searchColumns(tab.protocol);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const focusIndex = search.selected ? rows.findIndex((e) => e.path === search.selected) : -1;

  useEffect(() => {
    if (focusIndex >= 0) virtualizer.scrollToIndex(focusIndex, { align: 'auto' });
  }, [focusIndex, virtualizer]);

  const open = (entry: FileEntry) => goToResult(connectionId, entry, isContainer(entry));
  const rowHandlers: RowHandlers = {
    onRowClick: (_event, row) => selectResult(connectionId, row.path),
    onRowOpen: open,
    onRowMenu: (event: MouseEvent, entry: FileEntry) => {
      event.preventDefault();
      event.stopPropagation();
      selectResult(connectionId, entry.path);
      gridRef.current?.focus();
      openMenu(event.clientX, event.clientY, entry);
    },
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const move = (index: number) => {
      event.preventDefault();
      const entry = rows[Math.max(0, Math.min(rows.length - 1, index))];
      if (entry) selectResult(connectionId, entry.path);
    };
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 260) / ROW_HEIGHT) - 1);
    const current = focusIndex;
    if (event.key === 'ArrowDown') return move(current + 1);
    if (event.key === 'ArrowUp') return move(current - 1);
    if (event.key === 'PageDown') return move(current + page);
    if (event.key === 'PageUp') return move(current - page);
    if (event.key === 'Home') return move(0);
    if (event.key === 'End') return move(rows.length - 1);
    if (event.key === 'Escape') {
      event.preventDefault();
      clearSearch(connectionId);
      // The folder's own list takes this place (and the ref) once the results are gone.
      requestAnimationFrame(() => gridRef.current?.focus());
      return;
    }
    const entry = rows[current];
    if (event.key === 'Enter' && entry) {
      event.preventDefault();
      open(entry);
    } else if ((event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) && entry) {
      event.preventDefault();
      const box = document.getElementById(rowId(current))?.getBoundingClientRect();
      if (box) openMenu(box.left + 40, box.top + box.height, entry);
    }
  };

  return (
    <div className="search-results">
      <SearchStatus connectionId={connectionId} shown={rows.length} />
      <div
        ref={gridRef}
        role="grid"
        aria-label={t('search:results.label')}
        aria-busy={search.state === 'running' ? 'true' : 'false'}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length}
        aria-activedescendant={focusIndex >= 0 ? rowId(focusIndex) : undefined}
        tabIndex={0}
        className={`grid ${tab.protocol === 's3' ? 's3' : 'plain'}`}
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup" className="grid-head">
          <div role="row" aria-rowindex={1} className="grid-row">
            {columns.map((column, i) => (
              <div key={column.key} role="columnheader" aria-colindex={i + 1} className={`cell head-cell head-${column.key} align-${column.align}`}>
                <span className="head-btn">{column.key === 'name' ? t('search:results.pathColumn') : t(column.label)}</span>
              </div>
            ))}
          </div>
        </div>
        <div ref={scrollRef} role="rowgroup" className="grid-body">
          <GridRows
            view={rows}
            focusIndex={focusIndex}
            virtualizer={virtualizer}
            handlers={rowHandlers}
            isSelected={(path) => path === search.selected}
            showStorageClass={tab.protocol === 's3'}
          />
        </div>
      </div>
      {menu ? <SearchMenu connectionId={connectionId} x={menu.x} y={menu.y} entry={menu.target} onClose={closeMenu} /> : null}
    </div>
  );
}

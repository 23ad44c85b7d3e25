/** The virtual list of a folder's rows, kept scrolled to the keyboard cursor when asked and to the top of a new folder. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { FileEntry } from '../../../../shared/files.js';
import type { Tab } from './browserStore.js';
import { ROW_HEIGHT } from './columns.js';

export function useGridScroll(tab: Tab, view: readonly FileEntry[], scrollRef: RefObject<HTMLDivElement | null>) {
  const virtualizer = useVirtualizer({
    count: view.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const focusIndex = useMemo(() => (tab.focus ? view.findIndex((e) => e.path === tab.focus) : -1), [view, tab.focus]);

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
  }, [tab.path, scrollRef]);

  return { virtualizer, focusIndex };
}

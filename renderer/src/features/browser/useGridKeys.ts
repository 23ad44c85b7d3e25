/**
 * Keyboard for the file grid: arrows, Home/End, paging, Enter, Delete, F2 (rename), Ctrl/Cmd+D
 * (duplicate), Ctrl/Cmd+Shift+M (move to…), Ctrl+A, type-ahead.
 * Keys that work anywhere in the window (Back, Up, Refresh, New folder) are `useBrowserShortcuts`'s.
 */
import { useRef } from 'react';
import type { FileEntry } from '../../../../shared/files.js';
import { getTab, viewOf } from './browserStore.js';
import { downloadSelection } from '../transfers/transferActions.js';
import { deleteTargets, duplicateTargets, startCopyMove, startRename } from './fileActions.js';
import { clearSelection, jumpToPrefix, moveFocus, selectAll, toggle, type MoveMode } from './selection.js';
import { openQuickLook } from '../preview/quickLook.js';

interface Options {
  connectionId: string;
  pageSize(): number;
  open(entry: FileEntry): void;
  openMenuAtFocus(): void;
}

const TYPEAHEAD_RESET_MS = 900;

export function useGridKeys({ connectionId, pageSize, open, openMenuAtFocus }: Options) {
  const typed = useRef({ text: '', at: 0 });

  return (event: React.KeyboardEvent<HTMLElement>) => {
    const tab = getTab(connectionId);
    if (!tab) return;
    const mod = event.ctrlKey || event.metaKey;
    const mode: MoveMode = event.shiftKey ? 'extend' : mod ? 'focus' : 'select';
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    const focusedEntry = () => viewOf(tab).find((e) => e.path === tab.focus);
    // Any other key (Enter, an arrow, F2...) ends a type-ahead word: the next letter starts a new one.
    if (event.key.length !== 1) typed.current.at = 0;

    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (event.altKey) {
          if (event.key === 'ArrowUp') return;
          const entry = focusedEntry();
          if (entry) open(entry);
          return handled();
        }
        moveFocus(connectionId, event.key === 'ArrowDown' ? 1 : -1, mode);
        return handled();
      case 'PageDown':
      case 'PageUp':
        moveFocus(connectionId, (event.key === 'PageDown' ? 1 : -1) * pageSize(), mode);
        return handled();
      case 'Home':
      case 'End':
        moveFocus(connectionId, event.key === 'Home' ? 'home' : 'end', mode);
        return handled();
      case 'Enter': {
        const entry = focusedEntry();
        if (entry) open(entry);
        return handled();
      }
      case 'Escape':
        clearSelection(connectionId);
        return handled();
      case 'Delete':
        void deleteTargets(connectionId);
        return handled();
      case 'F2':
        startRename(connectionId);
        return handled();
      case 'ContextMenu':
        openMenuAtFocus();
        return handled();
      case 'F10':
        if (event.shiftKey) {
          openMenuAtFocus();
          return handled();
        }
        return;
      default:
        break;
    }

    if (mod && !event.altKey) {
      const key = event.key.toLowerCase();
      if (key === 'a') {
        selectAll(connectionId);
        return handled();
      }
      if (key === 'd' && !event.shiftKey) {
        // A held key repeats: one duplicate per press.
        if (!event.repeat) void duplicateTargets(connectionId);
        return handled();
      }
      if (key === 'm' && event.shiftKey) {
        startCopyMove(connectionId, 'move');
        return handled();
      }
      if (key === 'd' && event.shiftKey) {
        void downloadSelection(connectionId);
        return handled();
      }
      if (key === ' ' && tab.focus) {
        toggle(connectionId, tab.focus);
        return handled();
      }
      return;
    }

    // Type-ahead: letters typed quickly in a row jump to the first matching name.
    if (event.key.length === 1 && !event.altKey && !mod) {
      const now = performance.now();
      const state = typed.current;
      const fresh = now - state.at > TYPEAHEAD_RESET_MS;
      if (event.key === ' ' && fresh) {
        // Space shows a file in Quick Look; on a folder it toggles the selection (Ctrl+Space toggles anywhere).
        if (!openQuickLook(connectionId) && tab.focus) toggle(connectionId, tab.focus);
        return handled();
      }
      state.text = fresh ? event.key : state.text + event.key;
      state.at = now;
      // Repeating one letter cycles through names starting with it.
      const cycling = state.text.length > 1 && [...state.text].every((c) => c === state.text[0]);
      jumpToPrefix(connectionId, cycling ? event.key : state.text, !cycling && state.text.length > 1);
      return handled();
    }
  };
}

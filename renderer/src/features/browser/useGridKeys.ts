/** Keyboard for the file grid: arrows, Home/End, paging, Enter, Backspace, Ctrl+A, type-ahead. */
import { useRef } from 'react';
import type { FileEntry } from '../../../../shared/files.js';
import { getTab, viewOf } from './browserStore.js';
import { openNewFolder } from './dialogs.js';
import { downloadSelection } from '../transfers/transferActions.js';
import { goBack, goForward, goUp, refresh } from './navigation.js';
import { deleteTargets, startRename } from './fileActions.js';
import { clearSelection, jumpToPrefix, moveFocus, selectAll, toggle, type MoveMode } from './selection.js';

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

    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (event.altKey) {
          if (event.key === 'ArrowUp') goUp(connectionId);
          else {
            const entry = focusedEntry();
            if (entry) open(entry);
          }
          return handled();
        }
        moveFocus(connectionId, event.key === 'ArrowDown' ? 1 : -1, mode);
        return handled();
      case 'ArrowLeft':
      case 'ArrowRight':
        if (event.altKey) {
          if (event.key === 'ArrowLeft') goBack(connectionId);
          else goForward(connectionId);
          return handled();
        }
        return;
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
      case 'Backspace':
        goUp(connectionId);
        return handled();
      case 'Escape':
        clearSelection(connectionId);
        return handled();
      case 'F5':
        refresh(connectionId);
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
      if (key === 'r') {
        refresh(connectionId);
        return handled();
      }
      if (key === '[' || key === ']') {
        if (key === '[') goBack(connectionId);
        else goForward(connectionId);
        return handled();
      }
      if (key === 'n' && event.shiftKey) {
        const atS3Root = tab.protocol === 's3' && tab.path === '/';
        openNewFolder(connectionId, tab.path, atS3Root);
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
        if (tab.focus) toggle(connectionId, tab.focus);
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

/**
 * The browser's window-wide keys: they work wherever the keyboard is (a breadcrumb, the
 * sidebar, a toolbar button), not only in the file list, but never while typing in a field
 * or inside a dialog or menu. The file list handles its own keys first and stops them.
 */
import { useEffect, type RefObject } from 'react';
import { hasMod, isInsideOverlay, isTypingTarget } from '../../lib/keyboard.js';
import { getTab } from './browserStore.js';
import { openNewFolder } from './dialogs.js';
import { goBack, goForward, goUp, refresh } from './navigation.js';

export function useBrowserShortcuts(connectionId: string, filterRef: RefObject<HTMLInputElement | null>, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isInsideOverlay(event.target)) return;
      const mod = hasMod(event);
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      // These make sense even from a text field (they do not edit text).
      if (mod && !event.altKey && !event.shiftKey && key === 'f') {
        return run(() => {
          filterRef.current?.focus();
          filterRef.current?.select();
        });
      }
      if (event.key === 'F5' || (mod && !event.altKey && key === 'r')) return run(() => refresh(connectionId));
      if (isTypingTarget(event.target)) return;
      if (event.altKey && !mod && event.key === 'ArrowLeft') return run(() => goBack(connectionId));
      if (event.altKey && !mod && event.key === 'ArrowRight') return run(() => goForward(connectionId));
      if (event.altKey && !mod && event.key === 'ArrowUp') return run(() => goUp(connectionId));
      if (mod && !event.altKey && key === '[') return run(() => goBack(connectionId));
      if (mod && !event.altKey && key === ']') return run(() => goForward(connectionId));
      if (event.key === 'Backspace' && !mod && !event.altKey) return run(() => goUp(connectionId));
      if (mod && event.shiftKey && key === 'n') {
        const tab = getTab(connectionId);
        if (tab) run(() => openNewFolder(connectionId, tab.path, tab.protocol === 's3' && tab.path === '/'));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [connectionId, filterRef, enabled]);
}

/**
 * The split view's keys, ahead of the browser's own (capture phase): Ctrl/Cmd+\ turns it on
 * and off; in it, F5 copies and F6 moves the selection to the other pane (as WinSCP and Total
 * Commander do; Ctrl/Cmd+R still refreshes), and Tab from a file list goes to the other pane's.
 * Never while typing in a field or inside a dialog or menu.
 */
import { useEffect } from 'react';
import { hasMod, isInsideOverlay, isTypingTarget } from '../../lib/keyboard.js';
import { sendToOtherPane } from './crossPane.js';
import { focusPane } from './focusPane.js';
import { otherPane, usePanes } from './panesStore.js';

export function usePaneKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isInsideOverlay(event.target) || isTypingTarget(event.target)) return;
      const { split, active } = usePanes.getState();
      const plain = !hasMod(event) && !event.altKey && !event.shiftKey;
      if (hasMod(event) && !event.altKey && !event.shiftKey && event.key === '\\') {
        event.preventDefault();
        usePanes.getState().setSplit(!split);
        return;
      }
      if (!split) return;
      if (plain && (event.key === 'F5' || event.key === 'F6')) {
        event.preventDefault();
        event.stopPropagation();
        void sendToOtherPane(active, event.key === 'F5' ? 'copy' : 'move');
        return;
      }
      // Tab from a file list (or from nowhere) goes to the other pane; elsewhere it moves focus as usual.
      const target = event.target instanceof HTMLElement ? event.target : null;
      const fromList = !target || target === document.body || target.closest('[role="grid"]') !== null;
      if (event.key === 'Tab' && !hasMod(event) && !event.altKey && fromList) {
        event.preventDefault();
        event.stopPropagation();
        const next = otherPane(active);
        usePanes.getState().setActive(next);
        focusPane(next);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}

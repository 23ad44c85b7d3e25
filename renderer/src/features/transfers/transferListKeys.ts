/**
 * Keys of the transfer list: arrows, Home and End move the selection, Ctrl/Cmd+A selects
 * all, Space pauses or resumes the selection, Delete cancels it, Escape clears it, Right and
 * Left open and close a folder row, and the menu key (or Shift+F10) opens the row's menu.
 */
import type { KeyboardEvent } from 'react';
import { controlTransfers } from './transferActions.js';
import { selectedTransfers, useTransfers } from './transferStore.js';
import { targetsOf, toggleCommand } from './transferCommands.js';
import { isFolderKey } from './transferRows.js';

interface ListKeys {
  /** Row ids as shown, top to bottom. */
  ids: string[];
  scrollTo(index: number): void;
  openMenuAt(id: string): void;
}

export function transferListKeys({ ids, scrollTo, openMenuAt }: ListKeys) {
  return (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return; // a row's own buttons handle their keys
    const store = useTransfers.getState();
    const at = store.focused ? ids.indexOf(store.focused) : -1;
    const moveTo = (index: number) => {
      const clamped = Math.max(0, Math.min(ids.length - 1, index));
      const id = ids[clamped];
      if (!id) return;
      store.select(id, false);
      scrollTo(clamped);
    };
    const menuKey = event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey);
    if (event.key === 'ArrowDown') moveTo(at + 1);
    else if (event.key === 'ArrowUp') moveTo(at < 0 ? 0 : at - 1);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(ids.length - 1);
    else if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && store.focused && isFolderKey(store.focused)) {
      store.setExpanded(store.focused, event.key === 'ArrowRight');
    } else if (event.key === 'a' && (event.ctrlKey || event.metaKey)) store.selectAll(ids);
    else if (event.key === 'Escape') store.clearSelection();
    else if (event.key === ' ') {
      const command = toggleCommand(selectedTransfers(store));
      if (command) void controlTransfers(command.action, command.ids);
    } else if (event.key === 'Delete' || event.key === 'Backspace') void controlTransfers('cancel', targetsOf('cancel', selectedTransfers(store)));
    else if (menuKey && store.focused) openMenuAt(store.focused);
    else return;
    event.preventDefault();
  };
}

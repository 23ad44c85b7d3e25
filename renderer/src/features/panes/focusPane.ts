/** Puts the keyboard in a pane: its file list, or its place picker when it shows no files. */
import type { PaneIndex } from './panesStore.js';

export function focusPane(pane: PaneIndex): void {
  const frame = document.querySelector<HTMLElement>(`[data-pane="${pane}"]`);
  const target = frame?.querySelector<HTMLElement>('[role="grid"]') ?? frame?.querySelector<HTMLElement>('.place-picker');
  target?.focus();
}

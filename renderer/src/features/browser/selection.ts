/** Selection in the file grid: click, ctrl/cmd-click, shift-click, keyboard moves. */
import { getTab, useBrowser, viewOf, type Tab } from './browserStore.js';

const patch = (id: string, p: Partial<Tab>) => useBrowser.getState().patch(id, p);

export function selectOnly(id: string, path: string | null, reveal = false): void {
  const tab = getTab(id);
  if (!tab) return;
  patch(id, {
    selection: new Set(path ? [path] : []),
    anchor: path,
    focus: path,
    reveal: reveal ? tab.reveal + 1 : tab.reveal,
  });
}

export function toggle(id: string, path: string): void {
  const tab = getTab(id);
  if (!tab) return;
  const selection = new Set(tab.selection);
  if (selection.has(path)) selection.delete(path);
  else selection.add(path);
  patch(id, { selection, anchor: path, focus: path });
}

/** Selects from the anchor to `path` (inclusive); `add` keeps what was selected. */
export function selectRange(id: string, path: string, add = false, reveal = false): void {
  const tab = getTab(id);
  if (!tab) return;
  const view = viewOf(tab);
  const anchor = tab.anchor ?? tab.focus ?? path;
  let from = view.findIndex((e) => e.path === anchor);
  const to = view.findIndex((e) => e.path === path);
  if (to === -1) return;
  if (from === -1) from = to;
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  const selection = new Set(add ? tab.selection : []);
  for (let i = lo; i <= hi; i += 1) selection.add(view[i]!.path);
  patch(id, { selection, anchor, focus: path, reveal: reveal ? tab.reveal + 1 : tab.reveal });
}

export function selectAll(id: string): void {
  const tab = getTab(id);
  if (!tab) return;
  const view = viewOf(tab);
  patch(id, { selection: new Set(view.map((e) => e.path)), anchor: tab.anchor ?? view[0]?.path ?? null });
}

export function clearSelection(id: string): void {
  patch(id, { selection: new Set(), anchor: null });
}

export type Move = number | 'home' | 'end';
export type MoveMode = 'select' | 'extend' | 'focus';

/** Arrow keys, Home/End, PageUp/PageDown. */
export function moveFocus(id: string, move: Move, mode: MoveMode): void {
  const tab = getTab(id);
  if (!tab) return;
  const view = viewOf(tab);
  if (view.length === 0) return;
  const current = tab.focus ? view.findIndex((e) => e.path === tab.focus) : -1;
  let next: number;
  if (move === 'home') next = 0;
  else if (move === 'end') next = view.length - 1;
  else if (current === -1) next = move > 0 ? 0 : view.length - 1;
  else next = Math.min(view.length - 1, Math.max(0, current + move));
  const path = view[next]!.path;
  if (mode === 'extend') selectRange(id, path, false, true);
  else if (mode === 'focus') patch(id, { focus: path, reveal: tab.reveal + 1 });
  else selectOnly(id, path, true);
}

/** Type-ahead: the next entry (from the cursor) whose name starts with `prefix`. */
export function jumpToPrefix(id: string, prefix: string, includeCurrent: boolean): void {
  const tab = getTab(id);
  if (!tab || !prefix) return;
  const view = viewOf(tab);
  const needle = prefix.toLocaleLowerCase();
  const start = Math.max(0, tab.focus ? view.findIndex((e) => e.path === tab.focus) : 0);
  for (let step = includeCurrent ? 0 : 1; step <= view.length; step += 1) {
    const entry = view[(start + step) % view.length];
    if (entry && entry.name.toLocaleLowerCase().startsWith(needle)) {
      selectOnly(id, entry.path, true);
      return;
    }
  }
}

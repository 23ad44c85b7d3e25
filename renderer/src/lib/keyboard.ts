/** Small facts about a key press that window-wide shortcuts need, and how shortcuts are written. */
import { t } from '../i18n/i18n.js';

/** True when the key goes to something that takes typing (Backspace and arrows edit text there). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
  return false;
}

/** True when a modal dialog or a menu has the keyboard: its keys are its own. */
export function isInsideOverlay(target: EventTarget | null): boolean {
  if (document.querySelector('dialog[open]')) return true;
  return target instanceof Element && target.closest('[role="menu"]') !== null;
}

/** Ctrl on Windows and Linux, Cmd on macOS (either is accepted everywhere). */
export const hasMod = (event: KeyboardEvent | React.KeyboardEvent) => event.ctrlKey || event.metaKey;

const mac = typeof navigator !== 'undefined' && navigator.platform.toLowerCase().includes('mac');

/** How a Ctrl/Cmd shortcut (`'D'`, `'Shift+M'`) is written on this platform: "⌘D", "⌘⇧M" on macOS; "Ctrl+D", "Ctrl+Shift+M" (Spanish "Ctrl+Mayús+M") elsewhere. */
export function shortcutLabel(keys: string): string {
  const shifted = keys.startsWith('Shift+');
  const key = shifted ? keys.slice('Shift+'.length) : keys;
  if (mac) return `⌘${shifted ? '⇧' : ''}${key}`;
  return shifted ? t('app:keys.ctrlShift', { key }) : t('app:keys.ctrl', { key });
}

/** Keys without a modifier, as the keyboard's language names them ("Del" is "Supr" on a Spanish keyboard). */
export const keyLabels = {
  enter: () => t('app:keys.enter'),
  delete: () => t('app:keys.delete'),
  f2: () => t('app:keys.f2'),
  f5: () => t('app:keys.f5'),
};

/** Back and Forward as this platform writes them. */
export const navigationLabels = () => (mac ? { back: '⌘[', forward: '⌘]' } : { back: t('app:keys.alt', { key: '←' }), forward: t('app:keys.alt', { key: '→' }) });

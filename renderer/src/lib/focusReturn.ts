/**
 * Where the keyboard goes when a dialog or in-place editor goes away: back to the element that
 * opened it, or, when that is gone, to the file list (else the selected connection), so Delete,
 * F2 and the arrows keep working without a trip through the Tab order.
 */

/** The place the keyboard lives when nothing else claims it. */
export function focusHome(): void {
  const home =
    document.querySelector<HTMLElement>('.pane.browser [role="grid"]') ??
    document.querySelector<HTMLElement>('.conn-item[tabindex="0"]') ??
    document.querySelector<HTMLElement>('.sidebar button');
  home?.focus();
}

/** True when no element holds the keyboard (it fell to the page). */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active === document.documentElement || !active.isConnected;
}

let homeClaimed = false;

/**
 * A connection opened behind dialogs (its form, the host key question): once the last of them
 * closes, the keyboard goes to its file list rather than back to whatever opened them.
 */
export function focusHomeAfterDialogs(): void {
  homeClaimed = true;
}

/**
 * Remembers what has the keyboard now; the returned function gives it back, unless
 * something else (another dialog, a field) has taken it meanwhile.
 */
export function rememberFocus(): () => void {
  const opener = document.activeElement as HTMLElement | null;
  return () => {
    if (homeClaimed && !document.querySelector('dialog[open]')) {
      homeClaimed = false;
      focusHome();
      return;
    }
    if (!focusIsLost()) return;
    const usable = opener && opener !== document.body && opener.isConnected && !opener.closest('[role="menu"]');
    if (usable) opener.focus();
    if (focusIsLost()) focusHome();
  };
}

/**
 * Security rules for windows and IPC, as plain functions (no runtime `electron` import)
 * so they are unit-tested.
 */
export const appScheme = 'app';
export const appHost = 'stowage';
export const appOrigin = `${appScheme}://${appHost}`;

/** `new URL(...).origin` is "null" for custom schemes, so compare scheme and host. */
function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}

export interface SenderFrameLike {
  url: string;
  /** null for a window's main frame. */
  parent: unknown;
}

/** IPC is only answered for the app's own page, in its main frame (never an iframe). */
export function isTrustedSender(frame: SenderFrameLike | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** Links the app may hand to the OS browser: plain http(s) only. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Navigation inside a window may never leave the app's own origin. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

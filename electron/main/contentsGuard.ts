import { app, shell, type WebContents } from 'electron';
import { isExternalLinkAllowed, isNavigationAllowed } from './security.js';

/**
 * Keeps every page main never made itself (the PDF viewer's guest, anything Chromium adds)
 * under the main window's rules: no new windows, no navigation off the app, no webviews;
 * web links go to the OS browser. A window's own `webPreferences` cannot reach such a guest,
 * and `plugins` (the PDF viewer) cannot be limited per frame, so the rules hold for all.
 */
export function guardEveryContents(): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
}

function guardContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isNavigationAllowed(url)) return;
    event.preventDefault();
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

import { api, unwrap } from './client.js';

/**
 * Puts text on the OS clipboard. Main writes it with Electron's clipboard module: the app's
 * windows are granted no permission, so `navigator.clipboard` is refused there.
 * Throws an ApiError with a sentence when it could not.
 */
export function copyText(text: string): Promise<void> {
  return unwrap(api().app.copyText({ text }));
}

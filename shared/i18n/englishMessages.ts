/**
 * The English sentence of a catalog message, for the processes that have no user language:
 * the core writes it beside an error's code as its `message`, for logs, and the renderer
 * shows the code's sentence in the user's language. One i18next instance over the English
 * catalogs, so plurals and placeholders work as they do in the window.
 */
import i18next from 'i18next';
import type { MessageParams } from '../errors.js';
import { englishCoreCatalogs } from './coreCatalogs.js';

const english = i18next.createInstance();
void english.init({
  lng: 'en',
  resources: { en: englishCoreCatalogs },
  ns: Object.keys(englishCoreCatalogs),
  defaultNS: false,
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** `errors:disk.full` with `{ path }` → "The local disk is full: /tmp/x". */
export function englishMessage(key: string, params?: MessageParams): string {
  return english.t(key, params ?? {});
}

/**
 * A sentence the core writes for the user outside an error (a transfer's notes): its
 * catalog key and parameters, which the window shows in the user's language, and its
 * English `text` for logs. A `key` of '' has only its text (a note saved before notes had keys).
 */
export interface CoreMessage {
  key: string;
  params?: MessageParams;
  text: string;
}

export function coreMessage(key: string, params?: MessageParams): CoreMessage {
  return params ? { key, params, text: englishMessage(key, params) } : { key, text: englishMessage(key) };
}


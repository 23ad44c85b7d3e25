import type { IpcError } from '../../../shared/errors.js';
import { i18n } from './i18n.js';

/** An error's sentence in the user's language: its code's catalog message, else the English message it came with. */
export function errorText(error: IpcError): string {
  return error.code && i18n.exists(error.code, error.params ?? {}) ? i18n.t(error.code, error.params ?? {}) : error.message;
}

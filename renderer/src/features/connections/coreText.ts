/**
 * A sentence the core sent inside an answer (not an error): its catalog key's text in the
 * user's language, else the English it came with.
 */
import type { MessageParams } from '../../../../shared/errors.js';
import type { SecretStorageInfo } from '../../../../shared/connections.js';
import { i18n } from '../../i18n/i18n.js';

export function coreText(english: string, code?: string, params?: MessageParams): string {
  return code && i18n.exists(code) ? i18n.t(code, params ?? {}) : english;
}

/** How secrets are kept on this computer (the weak-keychain explanation), in the user's language. */
export const secretStorageText = (s: SecretStorageInfo): string => coreText(s.explanation, s.explanationCode, s.explanationParams);

import { i18n } from '../../i18n/i18n.js';

/** "a", "a and b", "a, b and c" in the user's language ("a, b y c"); Stowage's English writes no serial comma, as en-GB does. */
export function listWords(parts: string[]): string {
  const language = i18n.language || 'en';
  return new Intl.ListFormat(language === 'en' ? 'en-GB' : language, { type: 'conjunction' }).format(parts);
}

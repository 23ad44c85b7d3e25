/**
 * Main's own words (native dialogs, OS notifications), from the `main` catalog in the
 * language the window speaks: the saved setting, or the system's preferred languages.
 * Main follows a change the moment the window's `app:setLanguage` succeeds.
 */
import i18next from 'i18next';
import { effectiveLanguage, type LanguageSetting } from '../../shared/i18n/languages.js';
import en from '../../shared/i18n/locales/en/main.json' with { type: 'json' };
import es from '../../shared/i18n/locales/es/main.json' with { type: 'json' };

const words = i18next.createInstance();
void words.init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { main: en }, es: { main: es } },
  ns: ['main'],
  defaultNS: false,
  initAsync: false,
  interpolation: { escapeValue: false },
});

let system: readonly string[] = [];

/** Main's words in the language of this setting (given the system's preferred languages, read once after ready). */
export function speakAs(setting: LanguageSetting, systemLanguages: readonly string[] = system): void {
  system = systemLanguages;
  void words.changeLanguage(effectiveLanguage(setting, system));
}

export const mainWords = {
  t: words.t.bind(words),
  /** The language main speaks now, for formatting numbers and sizes. */
  get language(): string {
    return words.language;
  },
};

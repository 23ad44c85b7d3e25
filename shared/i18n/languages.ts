/** The languages Stowage speaks; the first is the fallback for every other. */
export const languages = ['en', 'es'] as const;
export type Language = (typeof languages)[number];

/** What the user chose in settings: follow the system, or one language. */
export type LanguageSetting = 'system' | Language;

/**
 * The first of the user's preferred languages (most preferred first, BCP 47 tags such as
 * `es-419` or `es_MX`) that Stowage speaks, matched by its primary subtag; English when none is.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    const match = languages.find((language) => language === primary);
    if (match) return match;
  }
  return languages[0];
}

/** The language to show: the setting's, or the system's when it says so. */
export function effectiveLanguage(setting: LanguageSetting, systemPreferred: readonly string[]): Language {
  return setting === 'system' ? pickLanguage(systemPreferred) : setting;
}

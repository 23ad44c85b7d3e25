/**
 * The renderer's catalogs: one JSON file per feature and language under `locales/<lang>/`,
 * each a namespace (`dragOut:ready`). Keys are always written with their namespace, so a
 * check can find every key the code uses. Plurals follow `Intl.PluralRules` through
 * i18next's suffixes (`_one`, `_many`, `_other`: Spanish says "1 millón de archivos").
 */
import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languages, type Language } from '../../../shared/i18n/languages.js';
import { pseudoCatalog, pseudoLanguage } from './pseudo.js';

type Catalog = Record<string, unknown>;

const files = import.meta.glob<Catalog>('../../../shared/i18n/locales/*/*.json', { eager: true, import: 'default' });

/** Every catalog as i18next resources: `{ en: { dragOut: {...} }, es: {...} }`. */
export function catalogs(): Record<Language, Record<string, Catalog>> {
  const resources = Object.fromEntries(languages.map((l) => [l, {}])) as Record<Language, Record<string, Catalog>>;
  for (const [path, catalog] of Object.entries(files)) {
    const [, language, namespace] = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
    if (language && namespace && language in resources) resources[language as Language][namespace] = catalog;
  }
  return resources;
}

/** The pseudo-locale tests run to find strings that bypass the catalogs and boxes too narrow for longer words. */
function withPseudo(resources: Record<Language, Record<string, Catalog>>): Resource {
  const pseudo = Object.fromEntries(Object.entries(resources.en).map(([ns, catalog]) => [ns, pseudoCatalog(catalog)]));
  return { ...resources, [pseudoLanguage]: pseudo };
}

export const i18n = i18next.createInstance();

export async function startI18n(language: Language | typeof pseudoLanguage): Promise<void> {
  const resources = catalogs();
  await i18n.use(initReactI18next).init({
    resources: language === pseudoLanguage ? withPseudo(resources) : resources,
    lng: language,
    fallbackLng: languages[0],
    supportedLngs: [...languages, pseudoLanguage],
    ns: Object.keys(resources.en),
    defaultNS: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

/** Switches every rendered string at once; no restart. */
export function setLanguage(language: Language | typeof pseudoLanguage): Promise<unknown> {
  return i18n.changeLanguage(language);
}

export const t = i18n.t.bind(i18n);

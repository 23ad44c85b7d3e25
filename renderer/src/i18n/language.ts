/**
 * Which language the window speaks: the saved setting, or the system's preferred languages
 * (from main; the browser preview, which has no main, follows `navigator.languages`).
 */
import { effectiveLanguage, type Language, type LanguageSetting } from '../../../shared/i18n/languages.js';
import type { AppInfo } from '../../../shared/contract.js';
import { api, unwrap } from '../api/client.js';
import { setLanguage } from './i18n.js';
import { pseudoLanguage } from './pseudo.js';

/** The window's language; the pseudo-locale when the system's first language is it (as Chromium's en-XA), for tests. */
export function languageOf(info: Pick<AppInfo, 'language'> | undefined): Language | typeof pseudoLanguage {
  const system = info?.language.system.length ? info.language.system : navigator.languages;
  if (system[0] === pseudoLanguage && (info?.language.setting ?? 'system') === 'system') return pseudoLanguage;
  return effectiveLanguage(info?.language.setting ?? 'system', system);
}

/** Saves the setting and switches the window to it at once; answers the app's facts as they now are. */
export async function chooseLanguage(setting: LanguageSetting): Promise<AppInfo> {
  await unwrap(api().app.setLanguage({ setting }));
  const info = await unwrap(api().app.info({}));
  await setLanguage(languageOf(info));
  return info;
}

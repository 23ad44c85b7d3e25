import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LanguageSetting } from '../../../shared/i18n/languages.js';
import { languages } from '../../../shared/i18n/languages.js';
import { writeFileAtomic } from '../lib/atomicWrite.js';

/** The app's own choices that are not about a connection or transfers: the language, for now. */
export interface AppPreferences {
  language: LanguageSetting;
}

const defaults: AppPreferences = { language: 'system' };

function isLanguageSetting(value: unknown): value is LanguageSetting {
  return value === 'system' || languages.some((l) => l === value);
}

/** `preferences.json` in the app's data folder; a missing or unreadable file means the defaults. */
export class PreferencesStore {
  private current: AppPreferences = { ...defaults };

  constructor(private readonly dataDir: string) {}

  private get path(): string {
    return join(this.dataDir, 'preferences.json');
  }

  async load(): Promise<AppPreferences> {
    const parsed: unknown = await readFile(this.path, 'utf8')
      .then((text) => JSON.parse(text) as unknown)
      .catch(() => undefined);
    const saved = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    this.current = { language: isLanguageSetting(saved['language']) ? saved['language'] : defaults.language };
    return this.current;
  }

  get(): AppPreferences {
    return this.current;
  }

  async setLanguage(language: LanguageSetting): Promise<void> {
    this.current = { ...this.current, language };
    await writeFileAtomic(this.path, JSON.stringify(this.current, null, 2));
  }
}

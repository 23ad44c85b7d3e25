/**
 * The language setting: the system's (named in the language it picks), or one language.
 * A choice applies at once: every rendered string switches, main's dialogs and
 * notifications too, and it is saved for the next start.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageSetting } from '../../../../shared/i18n/languages.js';
import { toApiError } from '../../api/client.js';
import { SelectField } from '../../components/dialogs/Field.js';
import { chooseLanguage } from '../../i18n/language.js';
import { showError } from '../../state/toasts.js';
import { useApp } from '../../state/app.js';

/** Each language in its own words: a reader finds theirs whatever the window speaks now. */
const ownNames = { en: 'English', es: 'Español' } as const;

export function LanguageField() {
  const { t, i18n } = useTranslation();
  const saved = useApp((s) => s.info?.language.setting) ?? 'system';
  const [setting, setSetting] = useState<LanguageSetting>(saved);
  const current = ownNames[i18n.language as keyof typeof ownNames] ?? ownNames.en;
  const options: { value: LanguageSetting; label: string }[] = [
    { value: 'system', label: t('settings:language.system', { language: current }) },
    { value: 'en', label: ownNames.en },
    { value: 'es', label: ownNames.es },
  ];
  const change = (next: LanguageSetting) => {
    setSetting(next);
    chooseLanguage(next).then(
      (info) => useApp.setState({ info }),
      (caught: unknown) => showError(toApiError(caught).message),
    );
  };
  return <SelectField label={t('settings:language.label')} value={setting} options={options} onChange={change} />;
}

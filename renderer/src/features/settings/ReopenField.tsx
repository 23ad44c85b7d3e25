/** "Reopen where I left": applies at once, like the language, and is kept in the window's storage. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckField } from '../../components/dialogs/Field.js';
import { reopensLastSession, setReopensLastSession } from '../panes/lastSession.js';

export function ReopenField() {
  const { t } = useTranslation();
  const [on, setOn] = useState(reopensLastSession);
  const change = (next: boolean) => {
    setOn(next);
    setReopensLastSession(next);
  };
  return <CheckField label={t('settings:reopen.label')} hint={t('settings:reopen.hint')} checked={on} onChange={change} />;
}

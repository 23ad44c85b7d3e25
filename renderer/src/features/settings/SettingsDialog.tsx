/**
 * The app's settings: the language on top (it applies at once), then the transfer settings
 * (saved with Save).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toApiError, unwrap } from '../../api/client.js';
import { FormDialog } from '../../components/dialogs/FormDialog.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { showInfo } from '../../state/toasts.js';
import { fromForm, toForm, type FormErrors, type SettingsForm } from '../transfers/settingsForm.js';
import { TransferSettingsFields } from '../transfers/TransferSettingsFields.js';
import { LanguageField } from './LanguageField.js';
import { ReopenField } from './ReopenField.js';
import { settingsDialog } from './dialogs.js';

export function SettingsDialog() {
  const { t } = useTranslation();
  const close = settingsDialog.close;
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const { busy, error: problem, setError: setProblem, run } = useSubmit();

  useEffect(() => {
    unwrap(api().transfers.getSettings({})).then(
      (settings) => setForm(toForm(settings)),
      (caught: unknown) => setProblem(toApiError(caught).message),
    );
  }, []);

  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => setForm((f) => (f ? { ...f, [key]: value } : f));

  const save = async () => {
    if (!form) return;
    const { changes, errors: found } = fromForm(form);
    setErrors(found);
    if (!changes) return;
    await run(async () => {
      await unwrap(api().transfers.setSettings({ changes }));
      showInfo(t('settings:saved'));
      close();
    });
  };

  return (
    <FormDialog title={t('settings:title')} className="transfer-settings" onCancel={close} onSubmit={() => void save()} error={problem} submitLabel={t('settings:save')} submitDisabled={busy || !form}>
      <div className="form-section">{t('settings:sections.language')}</div>
      <LanguageField />
      <div className="form-section">{t('settings:sections.startup')}</div>
      <ReopenField />
      {form ? <TransferSettingsFields form={form} errors={errors} set={set} /> : problem ? null : <p className="muted">{t('transfers:settings.loading')}</p>}
    </FormDialog>
  );
}

/** The MFA code prompt for assume-role profiles with `mfa_serial`. */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { TextField } from '../../components/dialogs/Field.js';
import { FormDialog } from '../../components/dialogs/FormDialog.js';
import { ShieldIcon } from '../../components/icons.js';
import { mfaDialog, type MfaQuestion } from './dialogs.js';

export function MfaDialog({ question }: { question: MfaQuestion }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [attempted, setAttempted] = useState(false);
  const valid = /^\d{6}$/.test(code);
  return (
    <FormDialog
      title={t('s3:mfa.title', { name: question.connectionName })}
      onCancel={() => mfaDialog.answer(null)}
      className="small-dialog"
      icon={<ShieldIcon size={20} />}
      onSubmit={() => {
        setAttempted(true);
        if (valid) mfaDialog.answer(code);
      }}
      submitLabel={t('s3:mfa.connect')}
    >
      <p className="muted form-intro">
        <Trans
          i18nKey="s3:mfa.intro"
          values={{ profile: question.profile, serial: question.mfaSerial }}
          components={{ 1: <span data-user-text />, 2: <span className="mono" data-user-text /> }}
        />
      </p>
      <TextField
        label={t('s3:mfa.code')}
        value={code}
        onChange={(v) => setCode(v.replace(/\D/g, '').slice(0, 6))}
        inputMode="numeric"
        placeholder="123456"
        mono
        autoFocus
        error={attempted && !valid ? t('s3:mfa.invalid') : undefined}
        className="mfa-code"
      />
    </FormDialog>
  );
}

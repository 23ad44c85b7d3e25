/**
 * Asks for the secret of a connection: one that does not remember it, or, after the server
 * refused the credentials, any connection again (with a "Save" box, as Cyberduck's login prompt).
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ConnectSecrets } from '../../../../shared/connections.js';
import { secretDialog, type SecretPromptArgs } from './dialogs.js';
import { useApp } from '../../state/app.js';
import { ErrorIcon, KeyIcon } from '../../components/icons.js';
import { CheckField, TextField } from '../../components/dialogs/Field.js';
import { FormDialog } from '../../components/dialogs/FormDialog.js';
import { coreText, secretStorageText } from './coreText.js';

export function SecretDialog({ connection, refused, remember: rememberAtFirst }: SecretPromptArgs) {
  const { t } = useTranslation();
  const answer = secretDialog.answer;
  const info = useApp((s) => s.info);
  const [secret, setSecret] = useState('');
  const [extra, setExtra] = useState('');
  const [attempted, setAttempted] = useState(false);
  // Without an OS keychain the core saves no secret: the box is off and says so.
  const weak = info !== null && !info.secretStorage.strong;
  const [remember, setRemember] = useState(Boolean(rememberAtFirst) && !weak);

  const kind = connection.auth.kind;
  const s3 = connection.protocol === 's3';
  const passphrase = kind === 'key';
  const secretKind = s3 ? 'secretAccessKey' : passphrase ? 'passphrase' : 'password';
  const label = { secretAccessKey: t('connections:secret.secretAccessKey'), passphrase: t('connections:secret.passphrase'), password: t('connections:secret.password') }[secretKind];
  const required = !passphrase;
  const error = attempted && required && !secret ? (s3 ? t('connections:secret.enterSecretAccessKey') : t('connections:secret.enterPassword')) : undefined;

  const submit = () => {
    setAttempted(true);
    if (required && !secret) return;
    let secrets: NonNullable<ConnectSecrets>;
    if (s3) secrets = extra ? { secretAccessKey: secret, sessionToken: extra } : { secretAccessKey: secret };
    else if (passphrase) secrets = { passphrase: secret };
    else secrets = { password: secret };
    answer(rememberAtFirst === undefined ? { secrets } : { secrets, remember: remember && !weak });
  };

  return (
    <FormDialog
      title={t('connections:secret.title', { name: connection.name })}
      className="secret-dialog"
      icon={<KeyIcon size={20} />}
      onCancel={() => answer(null)}
      onSubmit={submit}
      submitLabel={t('connections:secret.connect')}
    >
      {refused === undefined ? (
        <p className="muted form-intro">
          {rememberAtFirst === undefined
            ? { secretAccessKey: t('connections:secret.sessionOnly.secretAccessKey'), passphrase: t('connections:secret.sessionOnly.passphrase'), password: t('connections:secret.sessionOnly.password') }[secretKind]
            : connection.rememberSecret && !weak
              ? { secretAccessKey: t('connections:secret.noneSaved.secretAccessKey'), passphrase: t('connections:secret.noneSaved.passphrase'), password: t('connections:secret.noneSaved.password') }[secretKind]
              : { secretAccessKey: t('connections:secret.notRemembered.secretAccessKey'), passphrase: t('connections:secret.notRemembered.passphrase'), password: t('connections:secret.notRemembered.password') }[secretKind]}
        </p>
      ) : (
        <div className="alert form-notice" role="alert">
          <ErrorIcon />
          <div>
            <Trans
              i18nKey={{ secretAccessKey: 'connections:secret.refused.secretAccessKey', passphrase: 'connections:secret.refused.passphrase', password: 'connections:secret.refused.password' }[secretKind]}
              values={{ reason: coreText(refused.message, refused.code, refused.params) }}
              components={{ 1: <strong /> }}
            />
          </div>
        </div>
      )}
      <TextField label={label} type="password" value={secret} onChange={setSecret} error={error} mono={s3} autoFocus />
      {s3 ? (
        <TextField
          label={t('connections:secret.sessionToken')}
          type="password"
          value={extra}
          onChange={setExtra}
          placeholder={t('connections:secret.sessionTokenOptional')}
          mono
        />
      ) : null}
      {rememberAtFirst === undefined ? null : (
        <CheckField
          label={t('connections:secret.save')}
          checked={remember && !weak}
          disabled={weak}
          onChange={setRemember}
          hint={
            weak
              ? secretStorageText(info.secretStorage)
              : remember
                ? t('connections:secret.savedOnceAccepted')
                : t('connections:secret.sessionOnlyHint')
          }
        />
      )}
    </FormDialog>
  );
}

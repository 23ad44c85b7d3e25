/** SFTP part of the connection form: server, user and authentication. */
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { FieldErrors, FormValues, SftpAuthKind } from './connectionForm.js';
import { FormRow, SelectField, TextField } from '../../components/dialogs/Field.js';
import { SshConfigPicker } from '../sftp/SshConfigPicker.js';

interface Props {
  values: FormValues;
  errors: FieldErrors;
  savedSecret: boolean;
  set<K extends keyof FormValues>(key: K, value: FormValues[K]): void;
}

export function SftpFields({ values, errors, savedSecret, set }: Props) {
  const hostId = useId();
  const portId = useId();
  const pickRef = useRef<HTMLInputElement>(null);
  const { t } = useTranslation();
  const keep = savedSecret ? t('connections:form.savedKeep') : '';

  return (
    <>
      <SshConfigPicker set={set} name={values.name} />
      <FormRow label={t('connections:sftp.host')} htmlFor={hostId} error={errors.host ?? errors.port}>
        <div className="host-port">
          <input
            id={hostId}
            className="input"
            value={values.host}
            placeholder={t('connections:sftp.hostPlaceholder')}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={errors.host ? 'true' : undefined}
            onChange={(event) => set('host', event.currentTarget.value)}
          />
          <label htmlFor={portId} className="inline-label">
            {t('connections:sftp.port')}
          </label>
          <input
            id={portId}
            className="input port"
            value={values.port}
            inputMode="numeric"
            aria-invalid={errors.port ? 'true' : undefined}
            onChange={(event) => set('port', event.currentTarget.value)}
          />
        </div>
      </FormRow>
      <TextField label={t('connections:sftp.user')} value={values.username} onChange={(v) => set('username', v)} error={errors.username} />
      <TextField
        label={t('connections:sftp.bastion')}
        value={values.proxyJump}
        onChange={(v) => set('proxyJump', v)}
        error={errors.proxyJump}
        placeholder={t('connections:sftp.bastionPlaceholder')}
        mono
      />
      <div className="form-section">{t('connections:form.credentials')}</div>
      <SelectField<SftpAuthKind>
        label={t('connections:form.authentication')}
        value={values.sftpAuth}
        options={[
          { value: 'password', label: t('connections:sftp.password') },
          { value: 'key', label: t('connections:sftp.keyFile') },
          { value: 'agent', label: t('connections:sftp.agent') },
          { value: 'keyboardInteractive', label: t('connections:sftp.keyboardInteractive') },
        ]}
        onChange={(v) => set('sftpAuth', v)}
      />
      {values.sftpAuth === 'password' || values.sftpAuth === 'keyboardInteractive' ? (
        <TextField
          label={t('connections:sftp.password')}
          type="password"
          value={values.password}
          onChange={(v) => set('password', v)}
          error={errors.password}
          placeholder={keep}
        />
      ) : null}
      {values.sftpAuth === 'key' ? (
        <>
          <TextField
            label={t('connections:sftp.keyFile')}
            value={values.keyPath}
            onChange={(v) => set('keyPath', v)}
            error={errors.keyPath}
            placeholder={t('connections:sftp.keyFilePlaceholder')}
            mono
            after={
              <>
                <button type="button" className="btn" onClick={() => pickRef.current?.click()}>
                  {t('connections:sftp.choose')}
                </button>
                <input
                  ref={pickRef}
                  type="file"
                  hidden
                  tabIndex={-1}
                  onChange={(event) => {
                    const file = event.currentTarget.files?.[0];
                    event.currentTarget.value = '';
                    // Only the path is used: the key itself is read by main, never here.
                    if (file) void api().local.pathForDroppedFile(file).then((path) => path && set('keyPath', path));
                  }}
                />
              </>
            }
          />
          <TextField
            label={t('connections:sftp.passphrase')}
            type="password"
            value={values.passphrase}
            onChange={(v) => set('passphrase', v)}
            placeholder={keep || t('connections:sftp.passphrasePlaceholder')}
          />
        </>
      ) : null}
      {values.sftpAuth === 'agent' ? (
        <div className="form-row">
          <span className="form-label" />
          <div className="form-control field-hint">{t('connections:sftp.agentHint')}</div>
        </div>
      ) : null}
    </>
  );
}

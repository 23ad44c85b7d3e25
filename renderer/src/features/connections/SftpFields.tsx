/** SFTP part of the connection form: server, user and authentication. */
import { useId, useRef } from 'react';
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
  const keep = savedSecret ? 'Saved — leave empty to keep it' : '';

  return (
    <>
      <SshConfigPicker set={set} name={values.name} />
      <FormRow label="Host" htmlFor={hostId} error={errors.host ?? errors.port}>
        <div className="host-port">
          <input
            id={hostId}
            className="input"
            value={values.host}
            placeholder="sftp.example.com"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={errors.host ? 'true' : undefined}
            onChange={(event) => set('host', event.currentTarget.value)}
          />
          <label htmlFor={portId} className="inline-label">
            Port
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
      <TextField label="User" value={values.username} onChange={(v) => set('username', v)} error={errors.username} />
      <TextField
        label="Bastion (ProxyJump)"
        value={values.proxyJump}
        onChange={(v) => set('proxyJump', v)}
        error={errors.proxyJump}
        placeholder="Optional: user@bastion.example.com:22 (ProxyJump)"
        mono
      />
      <div className="form-section">Credentials</div>
      <SelectField<SftpAuthKind>
        label="Authentication"
        value={values.sftpAuth}
        options={[
          { value: 'password', label: 'Password' },
          { value: 'key', label: 'Private key file' },
          { value: 'agent', label: 'ssh-agent' },
          { value: 'keyboardInteractive', label: 'Keyboard-interactive' },
        ]}
        onChange={(v) => set('sftpAuth', v)}
      />
      {values.sftpAuth === 'password' || values.sftpAuth === 'keyboardInteractive' ? (
        <TextField
          label="Password"
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
            label="Private key file"
            value={values.keyPath}
            onChange={(v) => set('keyPath', v)}
            error={errors.keyPath}
            placeholder="~/.ssh/id_ed25519"
            mono
            after={
              <>
                <button type="button" className="btn" onClick={() => pickRef.current?.click()}>
                  Choose…
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
            label="Passphrase"
            type="password"
            value={values.passphrase}
            onChange={(v) => set('passphrase', v)}
            placeholder={keep || 'If the key has one'}
          />
        </>
      ) : null}
      {values.sftpAuth === 'agent' ? (
        <div className="form-row">
          <span className="form-label" />
          <div className="form-control field-hint">Keys are taken from the running ssh-agent (SSH_AUTH_SOCK).</div>
        </div>
      ) : null}
    </>
  );
}

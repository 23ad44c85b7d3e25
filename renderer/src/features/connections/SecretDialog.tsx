/** Asks for the secret of a connection that does not remember it. */
import { useState } from 'react';
import type { ConnectionSummary, ConnectSecrets } from '../../../../shared/connections.js';
import { secretDialog } from './dialogs.js';
import { KeyIcon } from '../../components/icons.js';
import { TextField } from '../../components/dialogs/Field.js';
import { FormDialog } from '../../components/dialogs/FormDialog.js';

export function SecretDialog({ connection }: { connection: ConnectionSummary }) {
  const answer = secretDialog.answer;
  const [secret, setSecret] = useState('');
  const [extra, setExtra] = useState('');
  const [attempted, setAttempted] = useState(false);

  const kind = connection.auth.kind;
  const s3 = connection.protocol === 's3';
  const passphrase = kind === 'key';
  const label = s3 ? 'Secret access key' : passphrase ? 'Passphrase' : 'Password';
  const required = !passphrase;
  const error = attempted && required && !secret ? `Enter the ${label.toLowerCase()}` : undefined;

  const submit = () => {
    setAttempted(true);
    if (required && !secret) return;
    let secrets: NonNullable<ConnectSecrets>;
    if (s3) secrets = extra ? { secretAccessKey: secret, sessionToken: extra } : { secretAccessKey: secret };
    else if (passphrase) secrets = { passphrase: secret };
    else secrets = { password: secret };
    answer(secrets);
  };

  return (
    <FormDialog
      title={`Connect to ${connection.name}`}
      className="secret-dialog"
      icon={<KeyIcon size={20} />}
      onCancel={() => answer(null)}
      onSubmit={submit}
      submitLabel="Connect"
    >
      <p className="muted form-intro">
        This connection does not remember its {label.toLowerCase()}. It is used for this session only.
      </p>
      <TextField label={label} type="password" value={secret} onChange={setSecret} error={error} mono={s3} autoFocus />
      {s3 ? (
        <TextField
          label="Session token"
          type="password"
          value={extra}
          onChange={setExtra}
          placeholder="Optional, for temporary credentials"
          mono
        />
      ) : null}
    </FormDialog>
  );
}

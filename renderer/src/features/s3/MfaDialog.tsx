/** The MFA code prompt for assume-role profiles with `mfa_serial`. */
import { useState } from 'react';
import { TextField } from '../../components/dialogs/Field.js';
import { FormDialog } from '../../components/dialogs/FormDialog.js';
import { ShieldIcon } from '../../components/icons.js';
import { mfaDialog, type MfaQuestion } from './dialogs.js';

export function MfaDialog({ question }: { question: MfaQuestion }) {
  const [code, setCode] = useState('');
  const [attempted, setAttempted] = useState(false);
  const valid = /^\d{6}$/.test(code);
  return (
    <FormDialog
      title={`Connect to ${question.connectionName}`}
      onCancel={() => mfaDialog.answer(null)}
      className="small-dialog"
      icon={<ShieldIcon size={20} />}
      onSubmit={() => {
        setAttempted(true);
        if (valid) mfaDialog.answer(code);
      }}
      submitLabel="Connect"
    >
      <p className="muted form-intro">
        Profile “{question.profile}” assumes a role that needs a code from your MFA device <span className="mono">{question.mfaSerial}</span>.
      </p>
      <TextField
        label="MFA code"
        value={code}
        onChange={(v) => setCode(v.replace(/\D/g, '').slice(0, 6))}
        inputMode="numeric"
        placeholder="123456"
        mono
        autoFocus
        error={attempted && !valid ? 'Enter the 6-digit code' : undefined}
        className="mfa-code"
      />
    </FormDialog>
  );
}

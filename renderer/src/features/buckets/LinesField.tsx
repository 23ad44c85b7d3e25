/** A labelled text area for a list, one entry a line, with a hint and its problem below. */
import { useId } from 'react';
import { FormRow } from '../../components/dialogs/Field.js';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  hint: string;
  error?: string | undefined;
  placeholder?: string;
}

export function LinesField({ label, value, onChange, hint, error, placeholder }: Props) {
  const id = useId();
  const rows = Math.min(6, Math.max(2, value.split('\n').length));
  return (
    <FormRow label={label} htmlFor={id} error={error} errorId={`${id}-error`} hint={hint} hintId={`${id}-hint`}>
      <textarea
        id={id}
        className="input rule-textarea"
        rows={rows}
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={[error ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ')}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </FormRow>
  );
}

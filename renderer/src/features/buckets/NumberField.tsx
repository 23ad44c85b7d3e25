/** A labelled whole-number field with its unit after it ("days", "seconds") and its problem below. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormRow } from '../../components/dialogs/Field.js';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  unit?: string;
  error?: string | undefined;
  placeholder?: string;
}

export function NumberField({ label, value, onChange, unit, error, placeholder }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <FormRow label={label} htmlFor={id} error={error} errorId={`${id}-error`}>
      <div className="rule-number">
        <input
          id={id}
          className="input"
          inputMode="numeric"
          autoComplete="off"
          value={value}
          placeholder={placeholder ?? t('buckets:never')}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
        {unit ? <span className="rule-unit">{unit}</span> : null}
      </div>
    </FormRow>
  );
}

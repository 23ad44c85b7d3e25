/** Fields several rule forms share: a rule's on/off switch, and a choice among a few options as segments. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormRow } from '../../components/dialogs/Field.js';

export function RuleStatusField({ enabled, onChange }: { enabled: boolean; onChange(enabled: boolean): void }) {
  const { t } = useTranslation();
  return (
    <FormRow label={t('buckets:lifecycle.form.status')}>
      <label className="rule-switch">
        <input type="checkbox" role="switch" checked={enabled} onChange={(e) => onChange(e.currentTarget.checked)} />
        <span>{enabled ? t('buckets:lifecycle.form.enabled') : t('buckets:lifecycle.form.disabled')}</span>
      </label>
    </FormRow>
  );
}

interface ChoiceProps<K extends string> {
  label: string;
  value: K;
  options: { value: K; label: string; disabled?: boolean }[];
  onChange(value: K): void;
}

export function ChoiceField<K extends string>({ label, value, options, onChange }: ChoiceProps<K>) {
  const name = useId();
  return (
    <FormRow label={label}>
      <div className="segmented" role="radiogroup" aria-label={label}>
        {options.map((o) => (
          <label key={o.value} className={value === o.value ? 'segment checked' : 'segment'}>
            <input type="radio" name={name} checked={value === o.value} disabled={o.disabled} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </FormRow>
  );
}

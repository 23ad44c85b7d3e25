/** The fields of one website routing rule: when it applies, then where the visitor is sent. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormRow, SelectField, TextField } from '../../components/dialogs/Field.js';
import { NumberField } from './NumberField.js';
import { redirectCodes, type ConditionKind, type KeyChange, type RoutingDraft, type RoutingProblems } from './routingDraft.js';

interface Props {
  draft: RoutingDraft;
  problems: RoutingProblems;
  onChange(patch: Partial<RoutingDraft>): void;
}

const conditions: { value: ConditionKind; labelKey: string }[] = [
  { value: 'prefix', labelKey: 'buckets:routing.condition.prefix' },
  { value: 'error', labelKey: 'buckets:routing.condition.error' },
  { value: 'both', labelKey: 'buckets:routing.condition.both' },
  { value: 'always', labelKey: 'buckets:routing.condition.always' },
];

const keyChanges: { value: KeyChange; labelKey: string }[] = [
  { value: 'keep', labelKey: 'buckets:routing.keyChange.keep' },
  { value: 'prefix', labelKey: 'buckets:routing.keyChange.prefix' },
  { value: 'key', labelKey: 'buckets:routing.keyChange.key' },
];

export function RoutingRuleForm({ draft, problems, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const known = redirectCodes.map((c) => ({ value: c.code, label: t(c.labelKey) }));
  const codes = redirectCodes.some((c) => c.code === draft.redirectCode) || !draft.redirectCode ? known : [...known, { value: draft.redirectCode, label: draft.redirectCode }];
  return (
    <div className="form rule-form">
      <SelectField
        label={t('buckets:routing.when')}
        value={draft.condition}
        options={conditions.map((c) => ({ value: c.value, label: t(c.labelKey) }))}
        onChange={(condition) => onChange({ condition })} />
      {draft.condition === 'prefix' || draft.condition === 'both' ? (
        <TextField label={t('buckets:routing.keyPrefix')} value={draft.keyPrefix} onChange={(keyPrefix) => onChange({ keyPrefix })} error={problems.keyPrefix} placeholder={t('buckets:placeholder.routingPrefix')} mono />
      ) : null}
      {draft.condition === 'error' || draft.condition === 'both' ? (
        <NumberField label={t('buckets:routing.errorCode')} value={draft.errorCode} onChange={(errorCode) => onChange({ errorCode })} error={problems.errorCode} placeholder="404" />
      ) : null}
      <TextField
        label={t('buckets:routing.hostName')}
        value={draft.hostName}
        onChange={(hostName) => onChange({ hostName })}
        error={problems.hostName}
        placeholder={t('buckets:routing.thisSite')}
        mono
      />
      <SelectField
        label={t('buckets:website.protocol')}
        value={draft.protocol}
        options={[
          { value: '', label: t('buckets:website.sameProtocol') },
          { value: 'https', label: 'https' },
          { value: 'http', label: 'http' },
        ]}
        onChange={(protocol) => onChange({ protocol })}
      />
      <FormRow label={t('buckets:routing.key')} htmlFor={`${id}-key`} error={problems.replaceWith}>
        <div className="rule-pair">
          <select id={`${id}-key`} className="select" value={draft.keyChange} onChange={(e) => onChange({ keyChange: e.currentTarget.value as KeyChange })}>
            {keyChanges.map((k) => (
              <option key={k.value} value={k.value}>
                {t(k.labelKey)}
              </option>
            ))}
          </select>
          {draft.keyChange !== 'keep' ? (
            <input
              className="input mono"
              aria-label={draft.keyChange === 'prefix' ? t('buckets:routing.newPrefix') : t('buckets:routing.newKey')}
              placeholder={draft.keyChange === 'prefix' ? t('buckets:routing.newPrefixPlaceholder') : 'error.html'}
              value={draft.replaceWith}
              aria-invalid={problems.replaceWith ? 'true' : undefined}
              onChange={(e) => onChange({ replaceWith: e.currentTarget.value })}
            />
          ) : null}
        </div>
      </FormRow>
      <SelectField
        label={t('buckets:routing.redirectCode')}
        value={draft.redirectCode}
        options={[{ value: '', label: t('buckets:routing.defaultCode') }, ...codes]}
        onChange={(redirectCode) => onChange({ redirectCode })}
      />
      {problems.rule ? <div className="field-error rule-problem">{problems.rule}</div> : null}
    </div>
  );
}

/** The fields of one website routing rule: when it applies, then where the visitor is sent. */
import { useId } from 'react';
import { FormRow, SelectField, TextField } from '../../components/dialogs/Field.js';
import { NumberField } from './NumberField.js';
import { redirectCodes, type ConditionKind, type KeyChange, type RoutingDraft, type RoutingProblems } from './routingDraft.js';

interface Props {
  draft: RoutingDraft;
  problems: RoutingProblems;
  onChange(patch: Partial<RoutingDraft>): void;
}

const conditions: { value: ConditionKind; label: string }[] = [
  { value: 'prefix', label: 'Key starts with' },
  { value: 'error', label: 'Error code is' },
  { value: 'both', label: 'Key prefix and error code' },
  { value: 'always', label: 'Always' },
];

const keyChanges: { value: KeyChange; label: string }[] = [
  { value: 'keep', label: 'Keep the key' },
  { value: 'prefix', label: 'Replace the prefix with' },
  { value: 'key', label: 'Replace the whole key with' },
];

export function RoutingRuleForm({ draft, problems, onChange }: Props) {
  const id = useId();
  const codes = redirectCodes.some((c) => c.code === draft.redirectCode) || !draft.redirectCode ? redirectCodes : [...redirectCodes, { code: draft.redirectCode, label: draft.redirectCode }];
  return (
    <div className="form rule-form">
      <SelectField label="When" value={draft.condition} options={conditions} onChange={(condition) => onChange({ condition })} />
      {draft.condition === 'prefix' || draft.condition === 'both' ? (
        <TextField label="Key prefix" value={draft.keyPrefix} onChange={(keyPrefix) => onChange({ keyPrefix })} error={problems.keyPrefix} placeholder="docs/" mono />
      ) : null}
      {draft.condition === 'error' || draft.condition === 'both' ? (
        <NumberField label="Error code" value={draft.errorCode} onChange={(errorCode) => onChange({ errorCode })} error={problems.errorCode} placeholder="404" />
      ) : null}
      <TextField label="Host name" value={draft.hostName} onChange={(hostName) => onChange({ hostName })} error={problems.hostName} placeholder="this site" mono />
      <SelectField
        label="Protocol"
        value={draft.protocol}
        options={[
          { value: '', label: 'Same as the request' },
          { value: 'https', label: 'https' },
          { value: 'http', label: 'http' },
        ]}
        onChange={(protocol) => onChange({ protocol })}
      />
      <FormRow label="Key" htmlFor={`${id}-key`} error={problems.replaceWith}>
        <div className="rule-pair">
          <select id={`${id}-key`} className="select" value={draft.keyChange} onChange={(e) => onChange({ keyChange: e.currentTarget.value as KeyChange })}>
            {keyChanges.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
          {draft.keyChange !== 'keep' ? (
            <input
              className="input mono"
              aria-label={draft.keyChange === 'prefix' ? 'New key prefix' : 'New key'}
              placeholder={draft.keyChange === 'prefix' ? 'documents/ (empty drops the prefix)' : 'error.html'}
              value={draft.replaceWith}
              aria-invalid={problems.replaceWith ? 'true' : undefined}
              onChange={(e) => onChange({ replaceWith: e.currentTarget.value })}
            />
          ) : null}
        </div>
      </FormRow>
      <SelectField
        label="Redirect code"
        value={draft.redirectCode}
        options={[{ value: '', label: 'Default (301)' }, ...codes.map((c) => ({ value: c.code, label: c.label }))]}
        onChange={(redirectCode) => onChange({ redirectCode })}
      />
      {problems.rule ? <div className="field-error rule-problem">{problems.rule}</div> : null}
    </div>
  );
}

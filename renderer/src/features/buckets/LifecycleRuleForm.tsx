/** The fields of one lifecycle rule: name, on/off, which objects, and what happens to them when. */
import { useId } from 'react';
import { FormRow, TextField } from '../../components/dialogs/Field.js';
import type { FilterKind, LifecycleDraft, LifecycleProblems } from './lifecycleDraft.js';
import { NumberField } from './NumberField.js';
import { TransitionsEditor } from './TransitionsEditor.js';

interface Props {
  draft: LifecycleDraft;
  problems: LifecycleProblems;
  onChange(patch: Partial<LifecycleDraft>): void;
}

const filters: { kind: FilterKind; label: string }[] = [
  { kind: 'all', label: 'Whole bucket' },
  { kind: 'prefix', label: 'Prefix' },
  { kind: 'tag', label: 'Tag' },
  { kind: 'prefixAndTag', label: 'Prefix and tag' },
];

export function LifecycleRuleForm({ draft, problems, onChange }: Props) {
  const id = useId();
  const withPrefix = draft.filter === 'prefix' || draft.filter === 'prefixAndTag';
  const withTag = draft.filter === 'tag' || draft.filter === 'prefixAndTag';
  return (
    <div className="form rule-form">
      <TextField label="Rule ID" value={draft.id} onChange={(v) => onChange({ id: v })} error={problems.id} mono />
      <FormRow label="Status">
        <label className="rule-switch">
          <input id={`${id}-enabled`} type="checkbox" role="switch" checked={draft.enabled} onChange={(e) => onChange({ enabled: e.currentTarget.checked })} />
          <span>{draft.enabled ? 'Enabled' : 'Disabled: kept, but does nothing'}</span>
        </label>
      </FormRow>
      <FormRow label="Applies to">
        <div className="segmented" role="radiogroup" aria-label="Applies to">
          {filters.map((f) => (
            <label key={f.kind} className={draft.filter === f.kind ? 'segment checked' : 'segment'}>
              <input type="radio" name={`${id}-filter`} checked={draft.filter === f.kind} onChange={() => onChange({ filter: f.kind })} />
              {f.label}
            </label>
          ))}
        </div>
      </FormRow>
      {withPrefix ? (
        <TextField label="Prefix" value={draft.prefix} onChange={(v) => onChange({ prefix: v })} error={problems.prefix} placeholder="logs/" mono />
      ) : null}
      {withTag ? (
        <FormRow label="Tag" htmlFor={`${id}-tag-key`} error={problems.tagKey ?? problems.tagValue}>
          <div className="rule-tag">
            <input
              id={`${id}-tag-key`}
              className="input mono"
              aria-label="Tag key"
              placeholder="key"
              value={draft.tagKey}
              aria-invalid={problems.tagKey ? 'true' : undefined}
              onChange={(e) => onChange({ tagKey: e.currentTarget.value })}
            />
            <span>=</span>
            <input
              className="input mono"
              aria-label="Tag value"
              placeholder="value"
              value={draft.tagValue}
              aria-invalid={problems.tagValue ? 'true' : undefined}
              onChange={(e) => onChange({ tagValue: e.currentTarget.value })}
            />
          </div>
        </FormRow>
      ) : null}
      <TransitionsEditor rows={draft.transitions} problems={problems.transitions} onChange={(transitions) => onChange({ transitions })} />
      <NumberField
        label="Delete objects"
        unit="days after creation"
        value={draft.expirationDays}
        error={problems.expirationDays}
        onChange={(v) => onChange({ expirationDays: v })}
      />
      <NumberField
        label="Delete old versions"
        unit="days after they are replaced"
        value={draft.noncurrentExpirationDays}
        error={problems.noncurrentExpirationDays}
        onChange={(v) => onChange({ noncurrentExpirationDays: v })}
      />
      <NumberField
        label="Abort unfinished uploads"
        unit="days after they start"
        value={draft.abortIncompleteMultipartDays}
        error={problems.abortIncompleteMultipartDays}
        onChange={(v) => onChange({ abortIncompleteMultipartDays: v })}
      />
      {problems.rule ? <div className="field-error rule-problem">{problems.rule}</div> : null}
    </div>
  );
}

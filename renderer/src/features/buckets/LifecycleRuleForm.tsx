/** The fields of one lifecycle rule: name, on/off, which objects, and what happens to them when. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormRow, TextField } from '../../components/dialogs/Field.js';
import type { FilterKind, LifecycleDraft, LifecycleProblems } from './lifecycleDraft.js';
import { NumberField } from './NumberField.js';
import { ChoiceField, RuleStatusField } from './RuleFields.js';
import { TransitionsEditor } from './TransitionsEditor.js';

interface Props {
  draft: LifecycleDraft;
  problems: LifecycleProblems;
  onChange(patch: Partial<LifecycleDraft>): void;
}

const filters: { kind: FilterKind; labelKey: string }[] = [
  { kind: 'all', labelKey: 'buckets:lifecycle.form.filter.all' },
  { kind: 'prefix', labelKey: 'buckets:lifecycle.form.filter.prefix' },
  { kind: 'tag', labelKey: 'buckets:lifecycle.form.filter.tag' },
  { kind: 'prefixAndTag', labelKey: 'buckets:lifecycle.form.filter.prefixAndTag' },
];

export function LifecycleRuleForm({ draft, problems, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const withPrefix = draft.filter === 'prefix' || draft.filter === 'prefixAndTag';
  const withTag = draft.filter === 'tag' || draft.filter === 'prefixAndTag';
  return (
    <div className="form rule-form">
      <TextField label={t('buckets:lifecycle.form.id')} value={draft.id} onChange={(v) => onChange({ id: v })} error={problems.id} mono />
      <RuleStatusField enabled={draft.enabled} onChange={(enabled) => onChange({ enabled })} />
      <ChoiceField
        label={t('buckets:lifecycle.form.appliesTo')}
        value={draft.filter}
        options={filters.map((f) => ({ value: f.kind, label: t(f.labelKey) }))}
        onChange={(filter) => onChange({ filter })}
      />
      {withPrefix ? (
        <TextField label={t('buckets:lifecycle.form.prefix')} value={draft.prefix} onChange={(v) => onChange({ prefix: v })} error={problems.prefix} placeholder={t('buckets:placeholder.prefix')} mono />
      ) : null}
      {withTag ? (
        <FormRow label={t('buckets:lifecycle.form.tag')} htmlFor={`${id}-tag-key`} error={problems.tagKey ?? problems.tagValue}>
          <div className="rule-tag">
            <input
              id={`${id}-tag-key`}
              className="input mono"
              aria-label={t('buckets:lifecycle.form.tagKey')}
              placeholder={t('buckets:lifecycle.form.keyPlaceholder')}
              value={draft.tagKey}
              aria-invalid={problems.tagKey ? 'true' : undefined}
              onChange={(e) => onChange({ tagKey: e.currentTarget.value })}
            />
            <span>=</span>
            <input
              className="input mono"
              aria-label={t('buckets:lifecycle.form.tagValue')}
              placeholder={t('buckets:lifecycle.form.valuePlaceholder')}
              value={draft.tagValue}
              aria-invalid={problems.tagValue ? 'true' : undefined}
              onChange={(e) => onChange({ tagValue: e.currentTarget.value })}
            />
          </div>
        </FormRow>
      ) : null}
      <TransitionsEditor rows={draft.transitions} problems={problems.transitions} onChange={(transitions) => onChange({ transitions })} />
      <NumberField
        label={t('buckets:lifecycle.form.expire')}
        unit={t('buckets:lifecycle.form.expireUnit')}
        value={draft.expirationDays}
        error={problems.expirationDays}
        onChange={(v) => onChange({ expirationDays: v })}
      />
      <NumberField
        label={t('buckets:lifecycle.form.oldVersions')}
        unit={t('buckets:lifecycle.form.oldVersionsUnit')}
        value={draft.noncurrentExpirationDays}
        error={problems.noncurrentExpirationDays}
        onChange={(v) => onChange({ noncurrentExpirationDays: v })}
      />
      <NumberField
        label={t('buckets:lifecycle.form.abort')}
        unit={t('buckets:lifecycle.form.abortUnit')}
        value={draft.abortIncompleteMultipartDays}
        error={problems.abortIncompleteMultipartDays}
        onChange={(v) => onChange({ abortIncompleteMultipartDays: v })}
      />
      {problems.rule ? <div className="field-error rule-problem">{problems.rule}</div> : null}
    </div>
  );
}

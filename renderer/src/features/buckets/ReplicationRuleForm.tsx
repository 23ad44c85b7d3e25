/** The fields of one replication rule: name, on/off, priority, which objects, and where their copies go. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckField, FormRow, TextField } from '../../components/dialogs/Field.js';
import { formatStorageClass } from '../../lib/format.js';
import type { DestinationCheck } from './destinationVersioning.js';
import { LinesField } from './LinesField.js';
import { NumberField } from './NumberField.js';
import { ChoiceField, RuleStatusField } from './RuleFields.js';
import { replicaClasses, type ReplicationDraft, type ReplicationProblems, type ReplicationScope } from './replicationDraft.js';

interface Props {
  draft: ReplicationDraft;
  problems: ReplicationProblems;
  /** Versioning at the destination, when this connection could ask. */
  destination: DestinationCheck | undefined;
  onChange(patch: Partial<ReplicationDraft>): void;
}

const scopes: { kind: ReplicationScope; labelKey: string }[] = [
  { kind: 'all', labelKey: 'buckets:lifecycle.form.filter.all' },
  { kind: 'prefix', labelKey: 'buckets:lifecycle.form.filter.prefix' },
  { kind: 'tags', labelKey: 'buckets:replication.form.scopeTags' },
  { kind: 'prefixAndTags', labelKey: 'buckets:replication.form.scopePrefixAndTags' },
];

const checkKeys: Record<DestinationCheck, { key: string; tone: string }> = {
  checking: { key: 'buckets:replication.destination.checking', tone: '' },
  on: { key: 'buckets:replication.destination.on', tone: ' ok' },
  off: { key: 'buckets:replication.destination.off', tone: ' danger' },
  missing: { key: 'buckets:replication.destination.missing', tone: ' danger' },
  unchecked: { key: 'buckets:replication.destination.unchecked', tone: '' },
};

export function ReplicationRuleForm({ draft, problems, destination, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const withPrefix = draft.scope === 'prefix' || draft.scope === 'prefixAndTags';
  const withTags = draft.scope === 'tags' || draft.scope === 'prefixAndTags';
  const check = draft.otherAccount ? checkKeys.unchecked : destination ? checkKeys[destination] : null;
  return (
    <div className="form rule-form">
      <TextField label={t('buckets:lifecycle.form.id')} value={draft.id} onChange={(v) => onChange({ id: v })} error={problems.id} mono />
      <RuleStatusField enabled={draft.enabled} onChange={(enabled) => onChange({ enabled })} />
      <NumberField label={t('buckets:replication.form.priority')} value={draft.priority} error={problems.priority} placeholder="1" onChange={(v) => onChange({ priority: v })} />
      <ChoiceField
        label={t('buckets:lifecycle.form.appliesTo')}
        value={draft.scope}
        options={scopes.map((s) => ({ value: s.kind, label: t(s.labelKey) }))}
        onChange={(scope) => onChange({ scope })}
      />
      {withPrefix ? (
        <TextField label={t('buckets:lifecycle.form.prefix')} value={draft.prefix} onChange={(v) => onChange({ prefix: v })} error={problems.prefix} placeholder={t('buckets:placeholder.prefix')} mono />
      ) : null}
      {withTags ? (
        <LinesField label={t('buckets:replication.form.tags')} value={draft.tags} onChange={(tags) => onChange({ tags })} error={problems.tags} placeholder={t('buckets:placeholder.tags')} hint={t('buckets:replication.form.tagsHint')} />
      ) : null}
      <TextField
        label={t('buckets:replication.form.destination')}
        value={draft.destinationBucket}
        onChange={(v) => onChange({ destinationBucket: v })}
        error={problems.destinationBucket}
        placeholder={t('buckets:placeholder.bucket')}
        hint={check && !problems.destinationBucket ? <span className={`replication-check${check.tone}`} data-testid="destination-versioning">{t(check.key, { bucket: draft.destinationBucket.trim() })}</span> : undefined}
        mono
      />
      <CheckField label={t('buckets:replication.form.otherAccount')} checked={draft.otherAccount} onChange={(otherAccount) => onChange({ otherAccount })} />
      {draft.otherAccount ? (
        <>
          <TextField label={t('buckets:replication.form.account')} value={draft.destinationAccount} onChange={(v) => onChange({ destinationAccount: v })} error={problems.destinationAccount} placeholder="123456789012" inputMode="numeric" mono />
          <CheckField
            label={t('buckets:replication.form.ownerOverride')}
            checked={draft.ownerOverride}
            onChange={(ownerOverride) => onChange({ ownerOverride })}
            hint={t('buckets:replication.form.ownerOverrideHint')}
          />
        </>
      ) : null}
      <FormRow label={t('buckets:replication.form.storageClass')} htmlFor={`${id}-class`}>
        <select id={`${id}-class`} className="select" value={draft.storageClass} onChange={(e) => onChange({ storageClass: e.currentTarget.value })}>
          <option value="">{t('buckets:replication.form.sameClass')}</option>
          {(replicaClasses as readonly string[]).includes(draft.storageClass) || !draft.storageClass ? null : <option value={draft.storageClass}>{formatStorageClass(draft.storageClass)}</option>}
          {replicaClasses.map((c) => (
            <option key={c} value={c}>
              {formatStorageClass(c)}
            </option>
          ))}
        </select>
      </FormRow>
      <CheckField label={t('buckets:replication.form.deleteMarkers')} checked={draft.deleteMarkers} onChange={(deleteMarkers) => onChange({ deleteMarkers })} hint={t('buckets:replication.form.deleteMarkersHint')} />
      {problems.deleteMarkers ? <div className="field-error rule-problem">{problems.deleteMarkers}</div> : null}
    </div>
  );
}

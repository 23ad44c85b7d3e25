/** Replication rules edited as a form, with the IAM role and the versioning both ends need, checked and explained. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplicationConfig } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { TextField } from '../../components/dialogs/Field.js';
import './bucketRules.css';
import { useDestinationVersioning, type DestinationCheck } from './destinationVersioning.js';
import { PanelFrame } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import {
  describeReplicationRule,
  fromReplicationDraft,
  newReplicationDraft,
  replicationHasProblems,
  replicationProblems,
  roleProblem,
  toReplicationDraft,
  type ReplicationDraft,
} from './replicationDraft.js';
import { ReplicationRuleForm } from './ReplicationRuleForm.js';
import { RulesEditor } from './RulesEditor.js';
import { useDrafts } from './useDrafts.js';
import { useSave } from './useSave.js';

const none: ReplicationConfig = { role: '', rules: [], onAws: true };
const maxRules = 1000;

/** A destination this connection found without versioning (or missing) blocks saving: S3 would refuse it. */
const blocks = (check: DestinationCheck | undefined) => check === 'off' || check === 'missing';

export function ReplicationPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const { t } = useTranslation();
  const current = settings.replication.supported ? settings.replication.value : none;
  const list = useDrafts(current.rules, toReplicationDraft, fromReplicationDraft);
  const [role, setRole] = useState(current.role);
  useEffect(() => setRole(current.role), [current.role]);
  const destinationOf = (d: ReplicationDraft) => (d.otherAccount ? '' : d.destinationBucket.trim());
  const checks = useDestinationVersioning(connectionId, list.drafts.map(destinationOf));
  const checkOf = (d: ReplicationDraft) => (destinationOf(d) ? checks[destinationOf(d)] : undefined);
  const problems = replicationProblems(list.drafts, bucket);
  const roleIssue = roleProblem(role, list.drafts.length > 0);
  const versioning = settings.versioning.supported ? settings.versioning.value : null;
  const sourceOff = versioning !== null && versioning !== 'Enabled';
  const invalid = problems.some(replicationHasProblems) || !!roleIssue || (list.drafts.length > 0 && sourceOff) || list.drafts.some((d) => blocks(checkOf(d)));
  const save = useSave(reload);
  const header = (
    <>
      <p className="bucket-note">{t('buckets:replication.precondition')}</p>
      {versioning === null ? null : sourceOff ? (
        <p className="alert" role="status" data-testid="source-versioning">
          {t('buckets:replication.sourceOff', { bucket })}
        </p>
      ) : (
        <p className="bucket-note" data-testid="source-versioning">
          <span className="bucket-badge ok">{t('buckets:replication.sourceOn')}</span>
        </p>
      )}
      {current.onAws ? null : <p className="bucket-note">{t('buckets:replication.notAws')}</p>}
      <TextField
        label={t('buckets:replication.form.role')}
        value={role}
        onChange={setRole}
        error={roleIssue ?? undefined}
        placeholder={t('buckets:placeholder.role')}
        hint={t('buckets:replication.form.roleHint')}
        mono
      />
    </>
  );
  return (
    <PanelFrame title={t('buckets:replication.title')} explanation={t('buckets:replication.explanation')} panel={settings.replication}>
      {() => (
        <RulesEditor
          list={list}
          header={header}
          headerEdits={{ changed: role.trim() !== current.role && (list.drafts.length > 0 || current.rules.length > 0), discard: () => setRole(current.role) }}
          empty={t('buckets:replication.empty')}
          card={(draft, i) => ({
            label: t('buckets:replication.cardLabel', { n: i + 1 }),
            removeLabel: t('buckets:replication.removeLabel', { n: i + 1 }),
            title: draft.id.trim() || t('buckets:lifecycle.noId'),
            titleMono: !!draft.id.trim(),
            summary: describeReplicationRule(fromReplicationDraft(draft)),
            badge: draft.enabled ? undefined : t('buckets:lifecycle.disabledBadge'),
            invalid: replicationHasProblems(problems[i]!) || blocks(checkOf(draft)),
            form: <ReplicationRuleForm draft={draft} problems={problems[i]!} destination={checkOf(draft)} onChange={(patch) => list.edit(i, patch)} />,
          })}
          onAdd={() => list.add(newReplicationDraft(list.drafts))}
          canAdd={list.drafts.length < maxRules}
          saveLabel={t('buckets:replication.save')}
          invalid={invalid}
          save={save}
          onSave={() =>
            unwrap(api().buckets.setReplication({ connectionId, bucket, role: list.drafts.length ? role.trim() : '', rules: list.drafts.map(fromReplicationDraft) }))
          }
        />
      )}
    </PanelFrame>
  );
}

/** Lifecycle rules edited as a form: one card per rule, checked as you type, saved together. */
import { useTranslation } from 'react-i18next';
import type { LifecycleRule } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import './bucketRules.css';
import { fromLifecycleDraft, hasProblems, lifecycleProblems, newLifecycleDraft, toLifecycleDraft } from './lifecycleDraft.js';
import { LifecycleRuleForm } from './LifecycleRuleForm.js';
import { describeLifecycleRule } from './lifecycleSummary.js';
import { PanelFrame } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { RulesEditor } from './RulesEditor.js';
import { useDrafts } from './useDrafts.js';
import { useSave } from './useSave.js';

const none: LifecycleRule[] = [];
const maxRules = 1000;

export function LifecyclePanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const { t } = useTranslation();
  const list = useDrafts(settings.lifecycle.supported ? settings.lifecycle.value : none, toLifecycleDraft, fromLifecycleDraft);
  const problems = lifecycleProblems(list.drafts);
  const invalid = problems.some(hasProblems);
  const save = useSave(reload);
  const add = () => list.add(newLifecycleDraft(list.drafts.map((d) => d.id.trim())));
  return (
    <PanelFrame
      title={t('buckets:lifecycle.title')}
      explanation={t('buckets:lifecycle.explanation')}
      panel={settings.lifecycle}
    >
      {() => (
        <RulesEditor
          list={list}
          empty={t('buckets:lifecycle.empty')}
          card={(draft, i) => ({
            label: t('buckets:lifecycle.cardLabel', { n: i + 1 }),
            removeLabel: t('buckets:lifecycle.removeLabel', { n: i + 1 }),
            title: draft.id.trim() || t('buckets:lifecycle.noId'),
            titleMono: !!draft.id.trim(),
            summary: describeLifecycleRule(fromLifecycleDraft(draft)),
            badge: draft.enabled ? undefined : t('buckets:lifecycle.disabledBadge'),
            invalid: hasProblems(problems[i]!),
            form: <LifecycleRuleForm draft={draft} problems={problems[i]!} onChange={(patch) => list.edit(i, patch)} />,
          })}
          onAdd={add}
          canAdd={list.drafts.length < maxRules}
          saveLabel={t('buckets:lifecycle.save')}
          invalid={invalid}
          save={save}
          onSave={() => unwrap(api().buckets.setLifecycle({ connectionId, bucket, rules: list.drafts.map(fromLifecycleDraft) }))}
        />
      )}
    </PanelFrame>
  );
}

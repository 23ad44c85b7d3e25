/** Lifecycle rules edited as a form: one card per rule, checked as you type, saved together. */
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
  const list = useDrafts(settings.lifecycle.supported ? settings.lifecycle.value : none, toLifecycleDraft, fromLifecycleDraft);
  const problems = lifecycleProblems(list.drafts);
  const invalid = problems.some(hasProblems);
  const save = useSave(reload);
  const add = () => list.add(newLifecycleDraft(list.drafts.map((d) => d.id.trim())));
  return (
    <PanelFrame
      title="Lifecycle rules"
      explanation="Moves objects to cheaper storage classes or deletes them after a number of days, automatically."
      panel={settings.lifecycle}
    >
      {() => (
        <RulesEditor
          list={list}
          empty="No rules: objects stay where they are until someone deletes them."
          card={(draft, i) => ({
            label: `Lifecycle rule ${i + 1}`,
            title: draft.id.trim() || 'Rule without an ID',
            titleMono: !!draft.id.trim(),
            summary: describeLifecycleRule(fromLifecycleDraft(draft)),
            badge: draft.enabled ? undefined : 'Disabled',
            invalid: hasProblems(problems[i]!),
            form: <LifecycleRuleForm draft={draft} problems={problems[i]!} onChange={(patch) => list.edit(i, patch)} />,
          })}
          onAdd={add}
          canAdd={list.drafts.length < maxRules}
          saveLabel="Save rules"
          invalid={invalid}
          save={save}
          onSave={() => unwrap(api().buckets.setLifecycle({ connectionId, bucket, rules: list.drafts.map(fromLifecycleDraft) }))}
        />
      )}
    </PanelFrame>
  );
}

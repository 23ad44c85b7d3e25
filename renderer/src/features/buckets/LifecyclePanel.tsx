/** Lifecycle rules edited as a form: one card per rule, checked as you type, saved together. */
import type { LifecycleRule } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import './bucketRules.css';
import { fromLifecycleDraft, hasProblems, lifecycleProblems, newLifecycleDraft, toLifecycleDraft } from './lifecycleDraft.js';
import { LifecycleRuleForm } from './LifecycleRuleForm.js';
import { describeLifecycleRule } from './lifecycleSummary.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { RuleCard } from './RuleCard.js';
import { RulesActions } from './RulesActions.js';
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
        <div className="bucket-panel-body">
          {list.drafts.length === 0 ? <p className="bucket-note">No rules: objects stay where they are until someone deletes them.</p> : null}
          <div className="rule-list">
            {list.drafts.map((draft, i) => (
              <RuleCard
                key={draft.key}
                label={`Lifecycle rule ${i + 1}`}
                title={draft.id.trim() || 'Rule without an ID'}
                titleMono={!!draft.id.trim()}
                summary={describeLifecycleRule(fromLifecycleDraft(draft))}
                badge={draft.enabled ? undefined : 'Disabled'}
                invalid={hasProblems(problems[i]!)}
                open={list.isOpen(draft)}
                onToggle={() => list.toggle(draft)}
                onRemove={() => list.remove(i)}
              >
                <LifecycleRuleForm draft={draft} problems={problems[i]!} onChange={(patch) => list.edit(i, patch)} />
              </RuleCard>
            ))}
          </div>
          <RulesActions
            addLabel="Add rule"
            onAdd={add}
            canAdd={list.drafts.length < maxRules}
            saveLabel="Save rules"
            canSave={list.changed && !invalid && !save.busy}
            onSave={() => void save.run(() => unwrap(api().buckets.setLifecycle({ connectionId, bucket, rules: list.drafts.map(fromLifecycleDraft) })))}
            changed={list.changed}
            onDiscard={list.discard}
            invalidNote={invalid ? 'Fix the fields marked above to save.' : null}
          />
          <SaveState {...save.state} />
        </div>
      )}
    </PanelFrame>
  );
}

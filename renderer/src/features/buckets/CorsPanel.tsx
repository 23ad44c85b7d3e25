/** CORS rules edited as a form: one card per rule, checked as you type, saved together. */
import type { CorsRule } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import './bucketRules.css';
import { corsHasProblems, corsProblems, describeCorsRule, fromCorsDraft, newCorsDraft, toCorsDraft } from './corsDraft.js';
import { CorsRuleForm } from './CorsRuleForm.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { RuleCard } from './RuleCard.js';
import { RulesActions } from './RulesActions.js';
import { useDrafts } from './useDrafts.js';
import { useSave } from './useSave.js';

const none: CorsRule[] = [];
const maxRules = 100;

export function CorsPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const list = useDrafts(settings.cors.supported ? settings.cors.value : none, toCorsDraft, fromCorsDraft);
  const problems = list.drafts.map(corsProblems);
  const invalid = problems.some(corsHasProblems);
  const save = useSave(reload);
  const add = () => list.add(newCorsDraft());
  return (
    <PanelFrame title="CORS" explanation="Lets web pages on other sites read or write this bucket from a browser." panel={settings.cors}>
      {() => (
        <div className="bucket-panel-body">
          {list.drafts.length === 0 ? <p className="bucket-note">No rules: browsers refuse requests to this bucket from pages on other sites.</p> : null}
          <div className="rule-list">
            {list.drafts.map((draft, i) => (
              <RuleCard
                key={draft.key}
                label={`CORS rule ${i + 1}`}
                title={`Rule ${i + 1}`}
                summary={describeCorsRule(fromCorsDraft(draft))}
                invalid={corsHasProblems(problems[i]!)}
                open={list.isOpen(draft)}
                onToggle={() => list.toggle(draft)}
                onRemove={() => list.remove(i)}
              >
                <CorsRuleForm draft={draft} problems={problems[i]!} onChange={(patch) => list.edit(i, patch)} />
              </RuleCard>
            ))}
          </div>
          <RulesActions
            addLabel="Add rule"
            onAdd={add}
            canAdd={list.drafts.length < maxRules}
            saveLabel="Save CORS rules"
            canSave={list.changed && !invalid && !save.busy}
            onSave={() => void save.run(() => unwrap(api().buckets.setCors({ connectionId, bucket, rules: list.drafts.map(fromCorsDraft) })))}
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

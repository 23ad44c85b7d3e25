/** CORS rules edited as a form: one card per rule, checked as you type, saved together. */
import type { CorsRule } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import './bucketRules.css';
import { corsHasProblems, corsProblems, describeCorsRule, fromCorsDraft, newCorsDraft, toCorsDraft } from './corsDraft.js';
import { CorsRuleForm } from './CorsRuleForm.js';
import { PanelFrame } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { RulesEditor } from './RulesEditor.js';
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
        <RulesEditor
          list={list}
          empty="No rules: browsers refuse requests to this bucket from pages on other sites."
          card={(draft, i) => ({
            label: `CORS rule ${i + 1}`,
            title: `Rule ${i + 1}`,
            summary: describeCorsRule(fromCorsDraft(draft)),
            invalid: corsHasProblems(problems[i]!),
            form: <CorsRuleForm draft={draft} problems={problems[i]!} onChange={(patch) => list.edit(i, patch)} />,
          })}
          onAdd={add}
          canAdd={list.drafts.length < maxRules}
          saveLabel="Save CORS rules"
          invalid={invalid}
          save={save}
          onSave={() => unwrap(api().buckets.setCors({ connectionId, bucket, rules: list.drafts.map(fromCorsDraft) }))}
        />
      )}
    </PanelFrame>
  );
}

/** CORS rules edited as a form: one card per rule, checked as you type, saved together. */
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const list = useDrafts(settings.cors.supported ? settings.cors.value : none, toCorsDraft, fromCorsDraft);
  const problems = list.drafts.map(corsProblems);
  const invalid = problems.some(corsHasProblems);
  const save = useSave(reload);
  const add = () => list.add(newCorsDraft());
  return (
    <PanelFrame title={t('buckets:cors.title')} explanation={t('buckets:cors.explanation')} panel={settings.cors}>
      {() => (
        <RulesEditor
          list={list}
          empty={t('buckets:cors.empty')}
          card={(draft, i) => ({
            label: t('buckets:cors.cardLabel', { n: i + 1 }),
            removeLabel: t('buckets:cors.removeLabel', { n: i + 1 }),
            title: t('buckets:routing.cardTitle', { n: i + 1 }),
            summary: describeCorsRule(fromCorsDraft(draft)),
            invalid: corsHasProblems(problems[i]!),
            form: <CorsRuleForm draft={draft} problems={problems[i]!} onChange={(patch) => list.edit(i, patch)} />,
          })}
          onAdd={add}
          canAdd={list.drafts.length < maxRules}
          saveLabel={t('buckets:cors.save')}
          invalid={invalid}
          save={save}
          onSave={() => unwrap(api().buckets.setCors({ connectionId, bucket, rules: list.drafts.map(fromCorsDraft) }))}
        />
      )}
    </PanelFrame>
  );
}

/** A website's routing rules: one card per rule, checked as you type; saved with the website settings. */
import { useTranslation } from 'react-i18next';
import { PlusIcon } from '../../components/icons.js';
import './bucketRules.css';
import { describeRoutingRule, fromRoutingDraft, newRoutingDraft, routingHasProblems, type RoutingDraft, type RoutingProblems } from './routingDraft.js';
import { RoutingRuleForm } from './RoutingRuleForm.js';
import { RuleCard } from './RuleCard.js';

interface Props {
  drafts: RoutingDraft[];
  problems: RoutingProblems[];
  isOpen(draft: RoutingDraft): boolean;
  toggle(draft: RoutingDraft): void;
  edit(i: number, patch: Partial<RoutingDraft>): void;
  remove(i: number): void;
  add(draft: RoutingDraft): void;
}

const maxRules = 50;

export function RoutingRulesEditor({ drafts, problems, isOpen, toggle, edit, remove, add }: Props) {
  const { t } = useTranslation();
  return (
    <div className="bucket-subsection rule-section">
      <h4>{t('buckets:routing.title')}</h4>
      <p className="bucket-note">{t('buckets:routing.explanation')}</p>
      <div className="rule-list">
        {drafts.map((draft, i) => (
          <RuleCard
            key={draft.key}
            label={t('buckets:routing.cardLabel', { n: i + 1 })}
            removeLabel={t('buckets:routing.removeLabel', { n: i + 1 })}
            title={t('buckets:routing.cardTitle', { n: i + 1 })}
            summary={describeRoutingRule(fromRoutingDraft(draft))}
            invalid={routingHasProblems(problems[i]!)}
            open={isOpen(draft)}
            onToggle={() => toggle(draft)}
            onRemove={() => remove(i)}
          >
            <RoutingRuleForm draft={draft} problems={problems[i]!} onChange={(patch) => edit(i, patch)} />
          </RuleCard>
        ))}
      </div>
      {drafts.length < maxRules ? (
        <button type="button" className="btn-link rule-add-link" onClick={() => add(newRoutingDraft())}>
          <PlusIcon size={12} /> {t('buckets:routing.add')}
        </button>
      ) : null}
    </div>
  );
}

/** A panel's list of rule cards with the add, save and discard buttons under it. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveState } from './PanelFrame.js';
import { RuleCard } from './RuleCard.js';
import { RulesActions } from './RulesActions.js';
import type { Drafts } from './useDrafts.js';
import { useUnsavedChanges } from './unsavedChanges.js';
import type { useSave } from './useSave.js';

/** How one draft shows as a card. */
export interface RuleCardView {
  label: string;
  removeLabel: string;
  title: string;
  titleMono?: boolean;
  summary: string;
  badge?: string;
  invalid: boolean;
  form: ReactNode;
}

interface Props<D extends { key: string }> {
  list: Drafts<D>;
  /** Said when there are no rules: what the bucket does without any. */
  empty: string;
  card(draft: D, index: number): RuleCardView;
  onAdd(): void;
  canAdd: boolean;
  saveLabel: string;
  /** Some field is invalid: saving waits until it is fixed. */
  invalid: boolean;
  save: ReturnType<typeof useSave>;
  onSave(): Promise<unknown>;
}

export function RulesEditor<D extends { key: string }>({ list, empty, card, onAdd, canAdd, saveLabel, invalid, save, onSave }: Props<D>) {
  const { t } = useTranslation();
  useUnsavedChanges(list.changed, { canSave: !invalid, save: () => save.run(onSave), discard: list.discard });
  return (
    <div className="bucket-panel-body">
      {list.drafts.length === 0 ? <p className="bucket-note">{empty}</p> : null}
      <div className="rule-list">
        {list.drafts.map((draft, i) => {
          const view = card(draft, i);
          return (
            <RuleCard
              key={draft.key}
              label={view.label}
              removeLabel={view.removeLabel}
              title={view.title}
              titleMono={view.titleMono}
              summary={view.summary}
              badge={view.badge}
              invalid={view.invalid}
              open={list.isOpen(draft)}
              onToggle={() => list.toggle(draft)}
              onRemove={() => list.remove(i)}
            >
              {view.form}
            </RuleCard>
          );
        })}
      </div>
      <RulesActions
        addLabel={t('buckets:rules.add')}
        onAdd={onAdd}
        canAdd={canAdd}
        saveLabel={saveLabel}
        canSave={list.changed && !invalid && !save.busy}
        onSave={() => void save.run(onSave)}
        changed={list.changed}
        onDiscard={list.discard}
        invalidNote={invalid ? t('buckets:rules.invalid') : null}
      />
      <SaveState {...save.state} />
    </div>
  );
}

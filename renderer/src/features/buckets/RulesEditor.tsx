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
  /** Fields of the whole set shown above the rules (such as replication's IAM role). */
  header?: ReactNode;
  /** Edits of those fields: they count as unsaved changes and are dropped with the rules'. */
  headerEdits?: { changed: boolean; discard(): void };
}

export function RulesEditor<D extends { key: string }>({ list, empty, card, onAdd, canAdd, saveLabel, invalid, save, onSave, header, headerEdits }: Props<D>) {
  const { t } = useTranslation();
  const changed = list.changed || !!headerEdits?.changed;
  const discard = () => {
    list.discard();
    headerEdits?.discard();
  };
  useUnsavedChanges(changed, { canSave: !invalid, save: () => save.run(onSave), discard });
  return (
    <div className="bucket-panel-body">
      {header}
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
        canSave={changed && !invalid && !save.busy}
        onSave={() => void save.run(onSave)}
        changed={changed}
        onDiscard={discard}
        invalidNote={invalid ? t('buckets:rules.invalid') : null}
      />
      <SaveState {...save.state} />
    </div>
  );
}

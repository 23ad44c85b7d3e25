/** The buttons under a list of rules: add one, save them all, or drop the unsaved edits. */
import { useTranslation } from 'react-i18next';
import { PlusIcon } from '../../components/icons.js';

interface Props {
  addLabel: string;
  onAdd(): void;
  canAdd?: boolean;
  saveLabel: string;
  canSave: boolean;
  onSave(): void;
  changed: boolean;
  onDiscard(): void;
  /** Why Save is off, when a field has a problem. */
  invalidNote: string | null;
}

export function RulesActions({ addLabel, onAdd, canAdd = true, saveLabel, canSave, onSave, changed, onDiscard, invalidNote }: Props) {
  const { t } = useTranslation();
  return (
    <div className="bucket-actions rule-actions">
      <button type="button" className="btn" disabled={!canAdd} onClick={onAdd}>
        <PlusIcon size={12} /> {addLabel}
      </button>
      <span className="rule-actions-gap" />
      {invalidNote ? <span className="field-error rule-actions-note">{invalidNote}</span> : null}
      {changed ? (
        <button type="button" className="btn" onClick={onDiscard}>
          {t('buckets:rules.discard')}
        </button>
      ) : null}
      <button type="button" className="btn btn-primary" disabled={!canSave} onClick={onSave}>
        {saveLabel}
      </button>
    </div>
  );
}

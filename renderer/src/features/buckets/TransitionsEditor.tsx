/** A lifecycle rule's transitions: rows of "after N days, move to class", added and removed freely. */
import { useTranslation } from 'react-i18next';
import { FormRow } from '../../components/dialogs/Field.js';
import { CloseIcon, PlusIcon } from '../../components/icons.js';
import { transitionClasses, type TransitionDraft } from './lifecycleDraft.js';
import { formatStorageClass } from '../../lib/format.js';

interface Props {
  rows: TransitionDraft[];
  problems: (string | undefined)[];
  onChange(rows: TransitionDraft[]): void;
}

/** The next colder class than the last row's, so a new row starts out valid more often than not. */
function nextRow(rows: TransitionDraft[]): TransitionDraft {
  const last = rows.at(-1);
  if (!last) return { days: '30', storageClass: 'STANDARD_IA' };
  const i = (transitionClasses as readonly string[]).indexOf(last.storageClass);
  const storageClass = transitionClasses[Math.min(i + 1, transitionClasses.length - 1)]!;
  const days = Number(last.days) || 0;
  return { days: String(days + (days >= 30 ? days : 30)), storageClass };
}

export function TransitionsEditor({ rows, problems, onChange }: Props) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<TransitionDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <FormRow label={t('buckets:lifecycle.form.move')}>
      <div className="rule-transitions" role="group" aria-label={t('buckets:lifecycle.form.transitions')}>
        {rows.length === 0 ? <span className="field-hint">{t('buckets:lifecycle.form.noTransitions')}</span> : null}
        {rows.map((row, i) => (
          <div key={i} className="rule-transition">
            <div className="rule-transition-row">
              <span>{t('buckets:lifecycle.form.after')}</span>
              <input
                className="input rule-days-input"
                inputMode="numeric"
                aria-label={t('buckets:lifecycle.form.transitionDays', { n: i + 1 })}
                value={row.days}
                aria-invalid={problems[i] ? 'true' : undefined}
                onChange={(e) => set(i, { days: e.currentTarget.value })}
              />
              <span>{t('buckets:lifecycle.form.daysTo')}</span>
              <select className="select" aria-label={t('buckets:lifecycle.form.transitionClass', { n: i + 1 })} value={row.storageClass} onChange={(e) => set(i, { storageClass: e.currentTarget.value })}>
                {(transitionClasses as readonly string[]).includes(row.storageClass) ? null : <option value={row.storageClass}>{formatStorageClass(row.storageClass)}</option>}
                {transitionClasses.map((c) => (
                  <option key={c} value={c}>
                    {formatStorageClass(c)}
                  </option>
                ))}
              </select>
              <button type="button" className="icon-btn small" aria-label={t('buckets:lifecycle.form.removeTransition', { n: i + 1 })} title={t('buckets:remove')} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                <CloseIcon size={12} />
              </button>
            </div>
            {problems[i] ? <div className="field-error">{problems[i]}</div> : null}
          </div>
        ))}
        {rows.length < transitionClasses.length ? (
          <button type="button" className="btn-link rule-add-link" onClick={() => onChange([...rows, nextRow(rows)])}>
            <PlusIcon size={12} /> {t('buckets:lifecycle.form.addTransition')}
          </button>
        ) : null}
      </div>
    </FormRow>
  );
}

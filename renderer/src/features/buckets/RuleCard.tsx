/** One rule in a list: a header that opens and closes it, its one-line summary, and its form. */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronRightIcon, TrashIcon } from '../../components/icons.js';

interface Props {
  /** Names the card for assistive tech and tests, such as "Lifecycle rule 2"; stays put while the title is edited. */
  label: string;
  /** The remove button's name, such as "Remove lifecycle rule 2". */
  removeLabel: string;
  title: string;
  /** Set the title in the code font (it is an identifier). */
  titleMono?: boolean;
  summary: string;
  open: boolean;
  onToggle(): void;
  onRemove(): void;
  /** Shown in the header, such as "Disabled". */
  badge?: string | undefined;
  /** The rule has a problem: said in the header while the card is closed. */
  invalid: boolean;
  children: ReactNode;
}

export function RuleCard({ label, removeLabel, title, titleMono, summary, open, onToggle, onRemove, badge, invalid, children }: Props) {
  const { t } = useTranslation();
  const bodyId = useId();
  return (
    <div className={`rule-card${invalid ? ' invalid' : ''}`} role="group" aria-label={label}>
      <div className="rule-card-head">
        <button type="button" className="rule-card-toggle" aria-expanded={open} aria-controls={bodyId} onClick={onToggle}>
          <ChevronRightIcon size={14} className={open ? 'rule-chevron open' : 'rule-chevron'} />
          <span className={titleMono ? 'rule-card-title mono' : 'rule-card-title'}>{title}</span>
          {badge ? <span className="rule-badge">{badge}</span> : null}
          {invalid && !open ? <span className="rule-badge danger">{t('buckets:rules.needsAttention')}</span> : null}
        </button>
        <button type="button" className="icon-btn small" aria-label={removeLabel} title={t('buckets:remove')} onClick={onRemove}>
          <TrashIcon size={14} />
        </button>
      </div>
      <p className="rule-summary" data-testid="rule-summary">
        {summary}
      </p>
      {open ? (
        <div className="rule-card-body" id={bodyId}>
          {children}
        </div>
      ) : null}
    </div>
  );
}

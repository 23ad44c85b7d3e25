import { useTranslation } from 'react-i18next';

/** The flag on a deleted object's row (shown with "Show deleted"); the row itself is struck through. */
export function DeletedBadge() {
  const { t } = useTranslation();
  return (
    <span className="deleted-badge" data-testid="deleted-badge" title={t('buckets:deletedBadge.title')}>
      {t('buckets:deletedBadge.label')}
    </span>
  );
}

import { useTranslation } from 'react-i18next';

/** The flag on a directory bucket's row (S3 Express One Zone), beside the general purpose buckets. */
export function DirectoryBucketBadge() {
  const { t } = useTranslation();
  return (
    <span className="directory-badge" data-testid="directory-badge" title={t('buckets:directoryBadge.title')}>
      {t('buckets:directoryBadge.label')}
    </span>
  );
}

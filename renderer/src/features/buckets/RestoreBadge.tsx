/** The storage-class cell's badge for archived objects: Archived, Restoring… or Restored until … */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { archivedClasses } from '../../../../shared/buckets.js';
import { formatDate, formatDateLong } from '../../lib/format.js';
import { loadRestoreStatus, useRestoreStatus } from './restoreStatusStore.js';

interface Props {
  connectionId: string;
  path: string;
  storageClass: string | undefined;
  selected: boolean;
}

export function RestoreBadge({ connectionId, path, storageClass, selected }: Props) {
  const { t } = useTranslation();
  const archived = archivedClasses.includes(storageClass ?? '');
  const status = useRestoreStatus(connectionId, path);
  useEffect(() => {
    if (archived && selected) loadRestoreStatus(connectionId, path);
  }, [archived, selected, connectionId, path]);
  if (!archived) return null;
  if (status && status !== 'loading' && status.state === 'inProgress') {
    return (
      <span className="restore-badge progress" data-testid="restore-badge" title={t('buckets:restore.badge.restoringTitle')}>
        {t('buckets:restore.badge.restoring')}
      </span>
    );
  }
  if (status && status !== 'loading' && status.state === 'restored') {
    const { expires } = status;
    return (
      <span
        className="restore-badge ok"
        data-testid="restore-badge"
        title={expires ? t('buckets:restore.badge.downloadableUntil', { date: formatDateLong(expires) }) : t('buckets:restore.badge.downloadableNow')}
      >
        {expires ? t('buckets:restore.badge.restoredUntil', { date: formatDate(expires) }) : t('buckets:restore.badge.restored')}
      </span>
    );
  }
  return (
    <span className="restore-badge" data-testid="restore-badge" title={t('buckets:restore.badge.archivedTitle')}>
      {t('buckets:restore.badge.archived')}
    </span>
  );
}

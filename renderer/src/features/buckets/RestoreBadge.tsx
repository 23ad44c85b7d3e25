/** The storage-class cell's badge for archived objects: Archived, Restoring… or Restored until … */
import { useEffect } from 'react';
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
  const archived = archivedClasses.includes(storageClass ?? '');
  const status = useRestoreStatus(connectionId, path);
  useEffect(() => {
    if (archived && selected) loadRestoreStatus(connectionId, path);
  }, [archived, selected, connectionId, path]);
  if (!archived) return null;
  if (status && status !== 'loading' && status.state === 'inProgress') {
    return (
      <span className="restore-badge progress" data-testid="restore-badge" title="S3 is restoring this object: minutes to hours depending on the tier.">
        Restoring…
      </span>
    );
  }
  if (status && status !== 'loading' && status.state === 'restored') {
    const until = status.expires ? ` until ${formatDate(status.expires)}` : '';
    return (
      <span className="restore-badge ok" data-testid="restore-badge" title={status.expires ? `Downloadable until ${formatDateLong(status.expires)}` : 'Downloadable now'}>
        Restored{until}
      </span>
    );
  }
  return (
    <span className="restore-badge" data-testid="restore-badge" title="Archived: restore it before downloading (select it to check for a restore in progress).">
      Archived
    </span>
  );
}

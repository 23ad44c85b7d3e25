/** Toolbar additions inside an S3 bucket: the storage class filter, "Show deleted" (versioned buckets) and "Bucket settings". */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { splitS3Path } from '../../../../shared/paths.js';
import { storageClasses } from '../../../../shared/buckets.js';
import { ShieldIcon, TrashIcon } from '../../components/icons.js';
import { formatStorageClass } from '../../lib/format.js';
import { useTab } from '../browser/browserStore.js';
import { setFilter } from '../browser/navigation.js';
import { bucketVersioning, setShowDeleted, syncDeletedRows, useBucketVersioning, useDeletedObjects } from './deletedObjects.js';
import { openBucketSettings } from './dialogs.js';
import { splitClassFilter, withClassFilter } from './storageClassFilter.js';

export function BucketToolbarItems({ connectionId }: { connectionId: string }) {
  const { t } = useTranslation();
  const tab = useTab(connectionId);
  const inBucket = !!tab && tab.protocol === 's3' && tab.path !== '/';
  const bucket = inBucket ? splitS3Path(tab.path).bucket : '';
  const versioning = useBucketVersioning(connectionId, bucket);
  const versioned = versioning === 'Enabled' || versioning === 'Suspended';
  const showDeleted = useDeletedObjects((s) => s.shown.has(connectionId)) && versioned;
  useEffect(() => {
    if (bucket) void bucketVersioning(connectionId, bucket);
  }, [connectionId, bucket]);
  // Each finished listing holds live objects only: the deleted ones are added after it (and when the bucket turns out to be versioned).
  useEffect(() => {
    if (inBucket && !tab.loading && showDeleted) void syncDeletedRows(connectionId);
  }, [connectionId, inBucket, tab?.path, tab?.generation, tab?.loading, showDeleted]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!tab || !inBucket) return null;
  const current = splitClassFilter(tab.filter).storageClass ?? '';
  return (
    <div className="toolbar-group">
      <div className="toolbar-sep" />
      <select
        className="select bucket-class-filter"
        aria-label={t('buckets:toolbar.classFilter')}
        title={t('buckets:toolbar.classFilterTitle')}
        value={current}
        onChange={(e) => setFilter(connectionId, withClassFilter(tab.filter, e.currentTarget.value))}
      >
        <option value="">{t('buckets:toolbar.allClasses')}</option>
        {storageClasses.map((c) => (
          <option key={c} value={c}>
            {formatStorageClass(c)}
          </option>
        ))}
      </select>
      {versioned ? (
        <button
          type="button"
          className="icon-btn labelled"
          aria-pressed={showDeleted}
          title={t('buckets:toolbar.showDeletedTitle')}
          onClick={() => setShowDeleted(connectionId, !showDeleted)}
        >
          <TrashIcon />
          <span>{t('buckets:toolbar.showDeleted')}</span>
        </button>
      ) : null}
      <button type="button" className="icon-btn labelled" title={t('buckets:toolbar.settingsTitle', { bucket })} onClick={() => openBucketSettings(connectionId, bucket)}>
        <ShieldIcon />
        <span>{t('buckets:toolbar.settings')}</span>
      </button>
    </div>
  );
}

/** Toolbar additions inside an S3 bucket: the storage class filter and "Bucket settings". */
import { splitS3Path } from '../../../../shared/paths.js';
import { storageClasses } from '../../../../shared/buckets.js';
import { ShieldIcon } from '../../components/icons.js';
import { formatStorageClass } from '../../lib/format.js';
import { useTab } from '../browser/browserStore.js';
import { setFilter } from '../browser/navigation.js';
import { openBucketSettings } from './dialogs.js';
import { splitClassFilter, withClassFilter } from './storageClassFilter.js';

export function BucketToolbarItems({ connectionId }: { connectionId: string }) {
  const tab = useTab(connectionId);
  if (!tab || tab.protocol !== 's3' || tab.path === '/') return null;
  const bucket = splitS3Path(tab.path).bucket;
  const current = splitClassFilter(tab.filter).storageClass ?? '';
  return (
    <div className="toolbar-group">
      <div className="toolbar-sep" />
      <select
        className="select bucket-class-filter"
        aria-label="Storage class filter"
        title="Show only objects of one storage class"
        value={current}
        onChange={(e) => setFilter(connectionId, withClassFilter(tab.filter, e.currentTarget.value))}
      >
        <option value="">All classes</option>
        {storageClasses.map((c) => (
          <option key={c} value={c}>
            {formatStorageClass(c)}
          </option>
        ))}
      </select>
      <button type="button" className="icon-btn labelled" title={`Settings of the bucket “${bucket}”`} onClick={() => openBucketSettings(connectionId, bucket)}>
        <ShieldIcon />
        <span>Bucket settings</span>
      </button>
    </div>
  );
}

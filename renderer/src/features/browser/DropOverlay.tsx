import { breadcrumbs } from '../../../../shared/paths.js';
import type { Tab } from './browserStore.js';
import { UploadIcon } from '../../components/icons.js';

/** The highlight shown while files from the OS are dragged over the list. */
export function DropOverlay({ tab, into }: { tab: Tab; into?: string }) {
  const atS3Root = tab.protocol === 's3' && tab.path === '/' && !into;
  const folder = breadcrumbs(tab.protocol, into ?? tab.path).at(-1)?.label ?? tab.path;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <UploadIcon size={26} />
        {atS3Root ? (
          <span>Open a bucket to upload files into it</span>
        ) : (
          <span>
            Drop to upload to <strong>{folder}</strong>
          </span>
        )}
      </div>
    </div>
  );
}

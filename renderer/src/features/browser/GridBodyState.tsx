/** What the grid body says when it has no rows: loading, empty, no match, or an error. */
import type { Tab } from './browserStore.js';
import { refresh } from './navigation.js';
import { setFilter } from './navigation.js';
import { ListingErrorActions } from './ListingErrorActions.js';
import { ErrorIcon, UploadIcon } from '../../components/icons.js';

export function GridBodyState({ tab, visibleCount }: { tab: Tab; visibleCount: number }) {
  if (tab.error) {
    return (
      <div className="grid-state error">
        <div className="alert" role="alert">
          <ErrorIcon />
          <div>
            <div className="alert-title">This folder could not be listed</div>
            <div>{tab.error.message}</div>
          </div>
        </div>
        <div className="grid-state-actions">
          <ListingErrorActions tab={tab} />
          <button type="button" className="btn" onClick={() => refresh(tab.connectionId)}>
            Retry
          </button>
        </div>
      </div>
    );
  }
  if (visibleCount > 0) return null;
  if (tab.awaitingFirstPage || (tab.loading && tab.entries.length === 0)) {
    return (
      <div className="grid-state">
        <span className="spinner" aria-hidden="true" />
        <span>Loading…</span>
      </div>
    );
  }
  if (tab.entries.length > 0 && tab.filter) {
    return (
      <div className="grid-state">
        <span>No items match “{tab.filter}”.</span>
        <button type="button" className="btn-link" onClick={() => setFilter(tab.connectionId, '')}>
          Clear filter
        </button>
      </div>
    );
  }
  if (tab.protocol === 's3' && tab.path === '/') {
    return (
      <div className="grid-state">
        <span>There are no buckets you can see with these credentials.</span>
      </div>
    );
  }
  return (
    <div className="grid-state empty">
      <UploadIcon size={28} className="empty-icon" />
      <span>This folder is empty — drop files here to upload</span>
    </div>
  );
}

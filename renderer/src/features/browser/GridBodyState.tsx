/** What the grid body says when it has no rows: loading, empty, no match, or an error. */
import type { Tab } from './browserStore.js';
import { refresh } from './navigation.js';
import { setFilter } from './navigation.js';
import { ListingErrorActions } from './ListingErrorActions.js';
import { ErrorIcon, UploadIcon } from '../../components/icons.js';
import { useTranslation } from 'react-i18next';

export function GridBodyState({ tab, visibleCount }: { tab: Tab; visibleCount: number }) {
  const { t } = useTranslation();
  if (tab.error) {
    return (
      <div className="grid-state error">
        <div className="alert" role="alert">
          <ErrorIcon />
          <div>
            <div className="alert-title">{t('browser:state.listFailed')}</div>
            <div>{tab.error.message}</div>
          </div>
        </div>
        <div className="grid-state-actions">
          <ListingErrorActions tab={tab} />
          <button type="button" className="btn" onClick={() => refresh(tab.connectionId)}>
            {t('browser:state.retry')}
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
        <span>{t('browser:state.loading')}</span>
      </div>
    );
  }
  if (tab.entries.length > 0 && tab.filter) {
    return (
      <div className="grid-state">
        <span>{t('browser:state.noMatch', { filter: tab.filter })}</span>
        <button type="button" className="btn-link" onClick={() => setFilter(tab.connectionId, '')}>
          {t('browser:state.clearFilter')}
        </button>
      </div>
    );
  }
  if (tab.protocol === 's3' && tab.path === '/') {
    return (
      <div className="grid-state">
        <span>{t('browser:state.noBuckets')}</span>
      </div>
    );
  }
  // This computer's disk takes no drop from the desktop (uploads go to a connection).
  if (tab.protocol === 'local') {
    return (
      <div className="grid-state">
        <span>{t('panes:emptyFolder')}</span>
      </div>
    );
  }
  return (
    <div className="grid-state empty">
      <UploadIcon size={28} className="empty-icon" />
      <span>{t('browser:state.empty')}</span>
    </div>
  );
}

/** The line above a search's results: how far it has got, and Stop, or Continue once it has made its budget of listing requests. */
import { useTranslation } from 'react-i18next';
import { ErrorIcon, SearchIcon } from '../../components/icons.js';
import { errorText } from '../../i18n/errorText.js';
import { cancelSearch, canSearchHere, continueSearch } from './searchActions.js';
import { useSearch } from './searchStore.js';

export function SearchStatus({ connectionId, shown }: { connectionId: string; shown: number }) {
  const { t } = useTranslation();
  const search = useSearch(connectionId);
  const counts = { count: shown, scanned: search.scanned };
  const requests = t('search:status.requests', { count: search.requests });
  const skipped = search.skipped > 0 ? ` ${t('search:status.skipped', { count: search.skipped })}` : '';

  if (!canSearchHere(connectionId)) {
    return <div className="search-status" role="status">{t('search:status.openBucket')}</div>;
  }
  if (search.state === 'failed') {
    return (
      <div className="search-status failed" role="alert">
        <ErrorIcon size={14} />
        <span>{search.error ? errorText(search.error) : t('search:status.failed')}</span>
      </div>
    );
  }
  if (search.state === 'paused') {
    return (
      <div className="search-status paused" role="status">
        <span className="search-status-text">{t('search:status.paused', { count: search.requests, scanned: search.scanned })}</span>
        <button type="button" className="btn btn-primary small" onClick={() => continueSearch(connectionId)}>
          {t('search:status.continue')}
        </button>
        <button type="button" className="btn small" onClick={() => cancelSearch(connectionId)}>
          {t('search:status.stop')}
        </button>
      </div>
    );
  }
  if (search.state === 'running' || search.state === 'idle') {
    return (
      <div className="search-status" role="status">
        <SearchIcon size={14} />
        <span className="search-status-text">{t('search:status.running', counts)}{skipped}</span>
        <button type="button" className="btn small" onClick={() => cancelSearch(connectionId)}>
          {t('search:status.stop')}
        </button>
      </div>
    );
  }
  const sentence = search.state === 'cancelled' ? t('search:status.stopped', counts) : shown === 0 ? t('search:status.none', counts) : t('search:status.done', counts);
  return (
    <div className="search-status" role="status">
      <span className="search-status-text">
        {sentence} {requests}
        {skipped}
      </span>
    </div>
  );
}

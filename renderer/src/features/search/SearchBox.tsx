/**
 * The toolbar's text field (Ctrl+F): filters the rows of this folder, or, with "Subfolders"
 * on, searches this folder and every folder below it by name as you type (a glob when the
 * text has `*`, `?` or `[`). Escape clears it; Down or Enter moves to the rows.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon, SearchIcon, SubfoldersIcon } from '../../components/icons.js';
import { useTab } from '../browser/browserStore.js';
import { canSearchHere, clearSearch, setCaseSensitive, setDeep, setQuery } from './searchActions.js';
import { searchOf, useSearch } from './searchStore.js';
import './search.css';

interface Props {
  connectionId: string;
  filterRef: RefObject<HTMLInputElement | null>;
  gridRef: RefObject<HTMLDivElement | null>;
}

export function SearchBox({ connectionId, filterRef, gridRef }: Props) {
  const { t } = useTranslation();
  const tab = useTab(connectionId);
  const search = useSearch(connectionId);
  // Results belong to the folder they were searched from: going elsewhere ends the search.
  const path = tab?.path;
  const lastPath = useRef(path);
  useEffect(() => {
    if (lastPath.current === path) return;
    lastPath.current = path;
    if (searchOf(connectionId).query) clearSearch(connectionId);
  }, [connectionId, path]);
  if (!tab) return null;
  const deep = search.deep;
  const text = deep ? search.query : tab.filter;
  const searchable = canSearchHere(connectionId);
  const label = deep ? t('search:box.placeholder') : t('browser:toolbar.filter');
  const clear = () => setQuery(connectionId, '');

  return (
    <div className={`filter search-box${deep ? ' deep' : ''}`}>
      <SearchIcon size={14} className="filter-icon" />
      <input
        ref={filterRef}
        className="input filter-input"
        type="search"
        aria-label={label}
        placeholder={label}
        spellCheck={false}
        value={text}
        onChange={(event) => setQuery(connectionId, event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            clear();
            gridRef.current?.focus();
          } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
            event.preventDefault();
            gridRef.current?.focus();
          }
        }}
      />
      {/* Inside the field, so searching costs the toolbar no width its other items need. */}
      <div className="search-inline">
        {text ? (
          <button
            type="button"
            className="icon-btn small search-clear"
            title={t('browser:toolbar.clearFilter')}
            tabIndex={-1}
            aria-hidden="true"
            onClick={() => {
              clear();
              filterRef.current?.focus();
            }}
          >
            <CloseIcon size={12} />
          </button>
        ) : null}
        {deep ? (
          <button
            type="button"
            className="search-toggle case"
            aria-pressed={search.caseSensitive}
            aria-label={t('search:box.matchCase')}
            title={t('search:box.matchCase')}
            onClick={() => setCaseSensitive(connectionId, !search.caseSensitive)}
          >
            {t('search:box.matchCaseShort')}
          </button>
        ) : null}
        <button
          type="button"
          className="search-toggle"
          aria-pressed={deep}
          aria-label={t('search:box.subfolders')}
          disabled={!searchable && !deep}
          title={searchable ? t('search:box.subfoldersTitle') : t('search:box.openBucketFirst')}
          onClick={() => {
            setDeep(connectionId, !deep);
            filterRef.current?.focus();
          }}
        >
          <SubfoldersIcon size={14} />
        </button>
      </div>
    </div>
  );
}

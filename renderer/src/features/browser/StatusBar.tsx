/** "1,234 items · 3 selected (12.4 MB)" and a loading note while pages stream in. */
import { isContainer } from '../../lib/entries.js';
import { formatBytes } from '../../lib/format.js';
import { useTranslation } from 'react-i18next';
import { selectedEntries, useTab, viewOf } from './browserStore.js';

export function StatusBar({ connectionId }: { connectionId: string }) {
  const { t } = useTranslation();
  const tab = useTab(connectionId);
  if (!tab) return null;
  const view = viewOf(tab);
  const selected = selectedEntries(tab);
  const buckets = tab.protocol === 's3' && tab.path === '/';
  const total = tab.entries.length;
  let count: string;
  if (tab.filter) count = buckets ? t('browser:status.bucketsShown', { shown: view.length, count: total }) : t('browser:status.itemsShown', { shown: view.length, count: total });
  else count = buckets ? t('browser:status.buckets', { count: total }) : t('browser:status.items', { count: total });

  let selection = '';
  if (selected.length > 0) {
    const files = selected.filter((e) => !isContainer(e));
    const bytes = files.reduce((sum, e) => sum + (e.size ?? 0), 0);
    const size = formatBytes(bytes);
    if (files.length === 0) selection = t('browser:status.selected', { count: selected.length });
    else if (files.length < selected.length) selection = t('browser:status.selectedSizeFolders', { count: selected.length, size });
    else selection = t('browser:status.selectedSize', { count: selected.length, size });
  }

  return (
    <div className="statusbar">
      {tab.loading ? null : <span>{count}</span>}
      {selection ? <span className={tab.loading ? undefined : 'status-sep'}>{selection}</span> : null}
      <span className="statusbar-spacer" />
      {tab.loading ? (
        <span className="status-loading" role="status">
          <span className="spinner small" aria-hidden="true" />
          {tab.gathering !== undefined
            ? t('browser:status.gathering', { count: tab.gathering })
            : tab.awaitingFirstPage
              ? t('browser:status.loading')
              : t('browser:status.loadingItems', { count: tab.entries.length })}
        </span>
      ) : null}
    </div>
  );
}

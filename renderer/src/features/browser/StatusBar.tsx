/** "1,234 items · 3 selected (12.4 MB)" and a loading note while pages stream in. */
import { isContainer } from '../../lib/entries.js';
import { formatBytes, formatCount, plural } from '../../lib/format.js';
import { selectedEntries, useTab, viewOf } from './browserStore.js';

export function StatusBar({ connectionId }: { connectionId: string }) {
  const tab = useTab(connectionId);
  if (!tab) return null;
  const view = viewOf(tab);
  const selected = selectedEntries(tab);
  const noun = tab.protocol === 's3' && tab.path === '/' ? 'bucket' : 'item';

  let count = plural(tab.entries.length, noun);
  if (tab.filter) count = `${formatCount(view.length)} of ${count}`;

  let selection = '';
  if (selected.length > 0) {
    const files = selected.filter((e) => !isContainer(e));
    const bytes = files.reduce((sum, e) => sum + (e.size ?? 0), 0);
    selection = `${formatCount(selected.length)} selected`;
    if (files.length > 0) selection += ` (${formatBytes(bytes)}${files.length < selected.length ? ' + folders' : ''})`;
  }

  return (
    <div className="statusbar">
      {tab.loading ? null : <span>{count}</span>}
      {selection ? <span className={tab.loading ? undefined : 'status-sep'}>{selection}</span> : null}
      <span className="statusbar-spacer" />
      {tab.loading ? (
        <span className="status-loading" role="status">
          <span className="spinner small" aria-hidden="true" />
          Loading… {tab.awaitingFirstPage ? '' : plural(tab.entries.length, 'item')}
        </span>
      ) : null}
    </div>
  );
}

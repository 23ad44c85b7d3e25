/** Every planned action with why, filterable; each change can be unticked. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncAction, SyncActionKind, SyncPlan, SyncReason } from '../../../../shared/contract/sync.js';
import { formatBytes } from '../../lib/format.js';

const ROW_HEIGHT = 30;
const kindsShown: SyncActionKind[] = ['upload', 'download', 'overwrite', 'delete', 'skip'];
type Show = 'changes' | 'all' | SyncActionKind;

interface Props {
  plan: SyncPlan;
  skip: ReadonlySet<number>;
  onSkip(ids: number[], skipped: boolean): void;
}

function useWords() {
  const { t } = useTranslation();
  const kind: Record<SyncActionKind, string> = {
    upload: t('sync:preview.kind.upload'),
    download: t('sync:preview.kind.download'),
    overwrite: t('sync:preview.kind.overwrite'),
    delete: t('sync:preview.kind.delete'),
    skip: t('sync:preview.kind.skip'),
  };
  const reason: Record<SyncReason, string> = {
    new: t('sync:preview.reason.new'),
    sizeDiffers: t('sync:preview.reason.sizeDiffers'),
    sourceNewer: t('sync:preview.reason.sourceNewer'),
    mtimeDiffers: t('sync:preview.reason.mtimeDiffers'),
    sameMtime: t('sync:preview.reason.sameMtime'),
    notOlder: t('sync:preview.reason.notOlder'),
    notInSource: t('sync:preview.reason.notInSource'),
    unsafeName: t('sync:preview.reason.unsafeName'),
    sameChecksum: t('sync:preview.reason.sameChecksum'),
    checksumDiffers: t('sync:preview.reason.checksumDiffers'),
  };
  return { t, kind, reason };
}

export function SyncPreview({ plan, skip, onSkip }: Props) {
  const { t, kind, reason } = useWords();
  const [filter, setFilter] = useState('');
  const [show, setShow] = useState<Show>('changes');
  const listRef = useRef<HTMLDivElement>(null);

  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return plan.actions.filter(
      (a) => (show === 'all' || (show === 'changes' ? a.kind !== 'skip' : a.kind === show)) && (!needle || a.relativePath.toLowerCase().includes(needle)),
    );
  }, [plan, filter, show]);
  const changesShown = shown.filter((a) => a.kind !== 'skip');
  const allTicked = changesShown.length > 0 && changesShown.every((a) => !skip.has(a.id));

  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    getItemKey: (index) => shown[index]!.id,
  });

  const row = (a: SyncAction) => (
    <div className={`sync-row kind-${a.kind}`} role="row" data-sync-path={a.relativePath}>
      <span role="cell" className="sync-tick">
        {a.kind === 'skip' ? null : (
          <input
            type="checkbox"
            checked={!skip.has(a.id)}
            aria-label={t('sync:preview.include', { path: a.relativePath })}
            onChange={(event) => onSkip([a.id], !event.currentTarget.checked)}
          />
        )}
      </span>
      <span role="cell" className={`sync-kind kind-${a.kind}`}>
        {kind[a.kind]}
      </span>
      <span role="cell" className="sync-path" data-user-text title={a.relativePath}>
        {a.relativePath}
      </span>
      <span role="cell" className="sync-reason">
        {reason[a.reason]}
      </span>
      <span role="cell" className="sync-size">
        {formatBytes(a.size)}
      </span>
    </div>
  );

  return (
    <section className="sync-preview" aria-label={t('sync:preview.label')}>
      <div className="sync-totals">
        {kindsShown
          .filter((k) => plan.totals.files[k] > 0)
          .map((k) => (
            <span key={k} className={`sync-total kind-${k}`}>
              <span className={`sync-kind kind-${k}`}>{kind[k]}</span> {t('sync:preview.total', { count: plan.totals.files[k], size: formatBytes(plan.totals.bytes[k]) })}
            </span>
          ))}
      </div>
      {plan.deletesBecomeMarkers && plan.totals.files.delete > 0 ? <p className="sync-note">{t('sync:preview.markers')}</p> : null}
      <div className="sync-filters">
        <input
          type="checkbox"
          checked={allTicked}
          disabled={changesShown.length === 0}
          aria-label={t('sync:preview.includeAll')}
          title={t('sync:preview.includeAll')}
          onChange={(event) => onSkip(changesShown.map((a) => a.id), !event.currentTarget.checked)}
        />
        <input
          className="input sync-filter"
          type="search"
          value={filter}
          placeholder={t('sync:preview.filter')}
          aria-label={t('sync:preview.filter')}
          onChange={(event) => setFilter(event.currentTarget.value)}
        />
        <select className="select" aria-label={t('sync:preview.show')} value={show} onChange={(event) => setShow(event.currentTarget.value as Show)}>
          <option value="changes">{t('sync:preview.showChanges')}</option>
          <option value="all">{t('sync:preview.showAll')}</option>
          {kindsShown.map((k) => (
            <option key={k} value={k}>
              {kind[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="sync-list" ref={listRef} role="table" aria-label={t('sync:preview.label')}>
        {shown.length === 0 ? (
          <p className="sync-empty">{t('sync:preview.nothingShown')}</p>
        ) : (
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => (
              <div key={item.key} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
                {row(shown[item.index]!)}
              </div>
            ))}
          </div>
        )}
      </div>
    </section>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { CloseIcon, PlusIcon } from '../../components/icons.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { useUnsavedChanges } from './unsavedChanges.js';
import { useSave } from './useSave.js';

export function TagsPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const { t } = useTranslation();
  const current = settings.tags.supported ? settings.tags.value : [];
  const [rows, setRows] = useState<Tag[]>(current);
  useEffect(() => setRows(current), [JSON.stringify(current)]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = useSave(reload);
  const keys = rows.map((r) => r.key.trim());
  const problem = keys.some((k) => !k) ? t('buckets:tags.problem.noKey') : new Set(keys).size !== keys.length ? t('buckets:tags.problem.duplicate') : null;
  const write = () => save.run(() => unwrap(api().buckets.setTags({ connectionId, bucket, tags: rows.map((r) => ({ key: r.key.trim(), value: r.value })) })));
  useUnsavedChanges(JSON.stringify(rows) !== JSON.stringify(current), { canSave: !problem, save: write, discard: () => setRows(current) });
  const edit = (i: number, patch: Partial<Tag>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <PanelFrame title={t('buckets:tags.title')} explanation={t('buckets:tags.explanation')} panel={settings.tags}>
      {() => (
        <div className="bucket-panel-body">
          <div className="bucket-tags">
            {rows.map((r, i) => (
              <div className="bucket-tag-row" key={i}>
                <input className="input" aria-label={t('buckets:tags.keyLabel', { n: i + 1 })} placeholder={t('buckets:tags.key')} value={r.key} onChange={(e) => edit(i, { key: e.currentTarget.value })} />
                <input className="input" aria-label={t('buckets:tags.valueLabel', { n: i + 1 })} placeholder={t('buckets:tags.value')} value={r.value} onChange={(e) => edit(i, { value: e.currentTarget.value })} />
                <button type="button" className="icon-btn" aria-label={t('buckets:tags.remove', { n: i + 1 })} onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>
                  <CloseIcon size={12} />
                </button>
              </div>
            ))}
          </div>
          {problem ? <div className="field-error">{problem}</div> : null}
          <div className="bucket-actions">
            <button type="button" className="btn" onClick={() => setRows((all) => [...all, { key: '', value: '' }])}>
              <PlusIcon size={12} /> {t('buckets:tags.add')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={save.busy || !!problem}
              onClick={() => void write()}
            >
              {t('buckets:tags.save')}
            </button>
          </div>
          <SaveState {...save.state} />
        </div>
      )}
    </PanelFrame>
  );
}

import { useEffect, useState } from 'react';
import type { Tag } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { CloseIcon, PlusIcon } from '../../components/icons.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { useSave } from './useSave.js';

export function TagsPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const current = settings.tags.supported ? settings.tags.value : [];
  const [rows, setRows] = useState<Tag[]>(current);
  useEffect(() => setRows(current), [JSON.stringify(current)]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = useSave(reload);
  const keys = rows.map((r) => r.key.trim());
  const problem = keys.some((k) => !k) ? 'Every tag needs a key.' : new Set(keys).size !== keys.length ? 'Tag keys must be unique.' : null;
  const edit = (i: number, patch: Partial<Tag>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <PanelFrame title="Tags" explanation="Labels for cost reports and access rules; they do not change how objects are stored." panel={settings.tags}>
      {() => (
        <div className="bucket-panel-body">
          <div className="bucket-tags">
            {rows.map((r, i) => (
              <div className="bucket-tag-row" key={i}>
                <input className="input" aria-label={`Tag ${i + 1} key`} placeholder="Key" value={r.key} onChange={(e) => edit(i, { key: e.currentTarget.value })} />
                <input className="input" aria-label={`Tag ${i + 1} value`} placeholder="Value" value={r.value} onChange={(e) => edit(i, { value: e.currentTarget.value })} />
                <button type="button" className="icon-btn" aria-label={`Remove tag ${i + 1}`} onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>
                  <CloseIcon size={12} />
                </button>
              </div>
            ))}
          </div>
          {problem ? <div className="field-error">{problem}</div> : null}
          <div className="bucket-actions">
            <button type="button" className="btn" onClick={() => setRows((all) => [...all, { key: '', value: '' }])}>
              <PlusIcon size={12} /> Add tag
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={save.busy || !!problem}
              onClick={() => void save.run(() => unwrap(api().buckets.setTags({ connectionId, bucket, tags: rows.map((r) => ({ key: r.key.trim(), value: r.value })) })))}
            >
              Save tags
            </button>
          </div>
          <SaveState {...save.state} />
        </div>
      )}
    </PanelFrame>
  );
}

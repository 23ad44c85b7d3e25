import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { policyElsewhereWarning, policyProblem, publicReadPolicy } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { WarningIcon } from '../../components/icons.js';
import { askConfirm } from '../../state/dialogs.js';
import { JsonField } from './JsonField.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { useUnsavedChanges } from './unsavedChanges.js';
import { useSave } from './useSave.js';

export function PolicyPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const { t } = useTranslation();
  const current = settings.policy.supported ? settings.policy.value : '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  const save = useSave(reload);
  const shape = text.trim() ? policyProblem(text) : null;
  const problem = shape ? t(shape.key, shape.params ?? {}) : null;
  const warning = text.trim() && !shape ? policyElsewhereWarning(text, bucket) : null;
  const elsewhere = warning ? t(warning.key, warning.params ?? {}) : null;
  const write = () => save.run(() => unwrap(api().buckets.setPolicy({ connectionId, bucket, policy: text })));
  useUnsavedChanges(text !== current, { canSave: !!text.trim() && !problem, save: write, discard: () => setText(current) });
  return (
    <PanelFrame title={t('buckets:policy.title')} explanation={t('buckets:policy.explanation')} panel={settings.policy}>
      {(saved) => (
        <div className="bucket-panel-body">
          <JsonField
            label={t('buckets:policy.label')}
            className="bucket-policy-text"
            value={text}
            onChange={setText}
            problem={problem}
            placeholder={t('buckets:policy.placeholder')}
          />
          {elsewhere ? (
            <div className="alert bucket-warning" role="status" data-testid="policy-elsewhere">
              <WarningIcon size={16} />
              <div>{elsewhere}</div>
            </div>
          ) : null}
          <div className="bucket-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={save.busy || !text.trim() || !!problem || text === saved}
              onClick={() => void write()}
            >
              {t('buckets:policy.save')}
            </button>
            <button type="button" className="btn" onClick={() => setText(publicReadPolicy(bucket))}>
              {t('buckets:policy.insertPublicRead')}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={save.busy || !saved}
              onClick={async () => {
                const ok = await askConfirm({
                  title: t('buckets:policy.deleteTitle'),
                  message: t('buckets:policy.deleteMessage', { bucket }),
                  confirmLabel: t('buckets:policy.delete'),
                  danger: true,
                });
                if (ok) await save.run(() => unwrap(api().buckets.setPolicy({ connectionId, bucket, policy: '' })));
              }}
            >
              {t('buckets:policy.delete')}
            </button>
          </div>
          <SaveState {...save.state} />
        </div>
      )}
    </PanelFrame>
  );
}

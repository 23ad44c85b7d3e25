/** Object Lock: whether the bucket has it, and the default retention new objects get. */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DefaultRetention, ObjectLockConfig, RetentionMode } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { askConfirm } from '../../state/dialogs.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { useUnsavedChanges } from './unsavedChanges.js';
import { useSave } from './useSave.js';

type Unit = 'days' | 'years';

interface Draft {
  on: boolean;
  mode: RetentionMode;
  period: string;
  unit: Unit;
}

const draftOf = (config: ObjectLockConfig): Draft => {
  const r = config.defaultRetention;
  return r ? { on: true, mode: r.mode, period: String(r.years ?? r.days ?? ''), unit: r.years ? 'years' : 'days' } : { on: false, mode: 'GOVERNANCE', period: '30', unit: 'days' };
};

const maxPeriod: Record<Unit, number> = { days: 36_500, years: 100 };

/** The retention the draft asks for, null for none, or undefined while the period is not a valid number. */
function retentionOf(d: Draft): DefaultRetention | null | undefined {
  if (!d.on) return null;
  const n = Number(d.period.trim());
  if (!/^\d+$/.test(d.period.trim()) || n < 1 || n > maxPeriod[d.unit]) return undefined;
  return d.unit === 'years' ? { mode: d.mode, years: n } : { mode: d.mode, days: n };
}

const modeKeys: Record<RetentionMode, { label: string; explain: string }> = {
  GOVERNANCE: { label: 'buckets:objectLock.mode.governance', explain: 'buckets:objectLock.mode.governanceExplain' },
  COMPLIANCE: { label: 'buckets:objectLock.mode.compliance', explain: 'buckets:objectLock.mode.complianceExplain' },
};

export function ObjectLockPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const current: ObjectLockConfig = settings.objectLock.supported ? settings.objectLock.value : { enabled: false };
  const signature = JSON.stringify(current);
  const [draft, setDraft] = useState(() => draftOf(current));
  useEffect(() => setDraft(draftOf(current)), [signature]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = useSave(reload);
  const retention = retentionOf(draft);
  const changed = JSON.stringify(retention) !== JSON.stringify(current.defaultRetention ?? null);
  const write = async (): Promise<boolean> => {
    if (retention === undefined) return false;
    if (retention?.mode === 'COMPLIANCE' && current.defaultRetention?.mode !== 'COMPLIANCE') {
      const ok = await askConfirm({
        title: t('buckets:objectLock.complianceConfirmTitle'),
        message: t('buckets:objectLock.complianceConfirm', { bucket }),
        confirmLabel: t('buckets:objectLock.save'),
        danger: true,
      });
      if (!ok) return false;
    }
    return save.run(() => unwrap(api().buckets.setDefaultRetention({ connectionId, bucket, retention })));
  };
  useUnsavedChanges(current.enabled && changed, { canSave: retention !== undefined, save: write, discard: () => setDraft(draftOf(current)) });
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const summary = (r: DefaultRetention | undefined) =>
    !r
      ? t('buckets:objectLock.noDefault')
      : r.years
        ? t('buckets:objectLock.summaryYears', { mode: t(modeKeys[r.mode].label), count: r.years })
        : t('buckets:objectLock.summaryDays', { mode: t(modeKeys[r.mode].label), count: r.days ?? 0 });
  return (
    <PanelFrame title={t('buckets:objectLock.title')} explanation={t('buckets:objectLock.explanation')} panel={settings.objectLock}>
      {(lock) =>
        !lock.enabled ? (
          <div className="bucket-panel-body">
            <p>
              {t('buckets:now')}{' '}
              <span className="bucket-badge neutral" data-testid="object-lock-state" data-enabled="false">
                {t('buckets:objectLock.off')}
              </span>
            </p>
            <p className="bucket-note">{t('buckets:objectLock.onlyAtCreation')}</p>
          </div>
        ) : (
          <div className="bucket-panel-body">
            <p>
              {t('buckets:now')}{' '}
              <span className="bucket-badge ok" data-testid="object-lock-state" data-enabled="true">
                {t('buckets:objectLock.on')}
              </span>{' '}
              <span data-testid="object-lock-default">{summary(lock.defaultRetention)}</span>
            </p>
            <label className="check">
              <input type="checkbox" checked={draft.on} onChange={(e) => set({ on: e.currentTarget.checked })} /> {t('buckets:objectLock.defaultToggle')}
            </label>
            {draft.on ? (
              <>
                <div className="segmented" role="radiogroup" aria-label={t('buckets:objectLock.modeLabel')}>
                  {(Object.keys(modeKeys) as RetentionMode[]).map((m) => (
                    <label key={m} className={draft.mode === m ? 'segment checked' : 'segment'}>
                      <input type="radio" name="lock-mode" checked={draft.mode === m} onChange={() => set({ mode: m })} />
                      {t(modeKeys[m].label)}
                    </label>
                  ))}
                </div>
                <p className="bucket-note">{t(modeKeys[draft.mode].explain)}</p>
                <div className="lock-period">
                  <label htmlFor={`${id}-period`}>{t('buckets:objectLock.period')}</label>
                  <input
                    id={`${id}-period`}
                    className="input"
                    inputMode="numeric"
                    autoComplete="off"
                    value={draft.period}
                    aria-invalid={retention === undefined ? 'true' : undefined}
                    aria-describedby={retention === undefined ? `${id}-problem` : undefined}
                    onChange={(e) => set({ period: e.currentTarget.value })}
                  />
                  <select className="select" aria-label={t('buckets:objectLock.unit')} value={draft.unit} onChange={(e) => set({ unit: e.currentTarget.value as Unit })}>
                    <option value="days">{t('buckets:objectLock.days')}</option>
                    <option value="years">{t('buckets:objectLock.years')}</option>
                  </select>
                </div>
                {retention === undefined ? (
                  <div className="field-error" id={`${id}-problem`}>
                    {t('buckets:objectLock.periodProblem', { max: maxPeriod[draft.unit] })}
                  </div>
                ) : null}
              </>
            ) : null}
            <p className="bucket-note">{t('buckets:objectLock.note')}</p>
            <div className="bucket-actions">
              <button type="button" className="btn btn-primary" disabled={save.busy || !changed || retention === undefined} onClick={() => void write()}>
                {t('buckets:objectLock.save')}
              </button>
            </div>
            <SaveState {...save.state} />
          </div>
        )
      }
    </PanelFrame>
  );
}

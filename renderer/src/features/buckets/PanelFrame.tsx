/** One settings panel: a title, a sentence on what the setting does, and its body (or why there is none). */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Panel } from '../../../../shared/buckets.js';
import { InfoIcon } from '../../components/icons.js';

interface Props<T> {
  title: string;
  explanation: string;
  panel: Panel<T>;
  children(value: T): ReactNode;
}

export function PanelFrame<T>({ title, explanation, panel, children }: Props<T>) {
  const { t } = useTranslation();
  return (
    <section className="bucket-panel" aria-label={title}>
      <h3 className="bucket-panel-title">{title}</h3>
      <p className="bucket-panel-explain">{explanation}</p>
      {panel.supported ? (
        children(panel.value)
      ) : (
        <div className="bucket-unsupported" role="status">
          <InfoIcon size={16} />
          <span>{t(panel.message.key, panel.message.params ?? {})}</span>
        </div>
      )}
    </section>
  );
}

/** Saves one change: shows progress, the server's error in place, and a short confirmation. */
export function SaveState({ busy, error, saved }: { busy: boolean; error: string | null; saved: boolean }) {
  const { t } = useTranslation();
  if (busy) return <span className="bucket-save-note">{t('buckets:saving')}</span>;
  if (error)
    return (
      <div className="alert bucket-error" role="alert">
        {error}
      </div>
    );
  if (saved) return <span className="bucket-save-note ok">{t('buckets:saved')}</span>;
  return null;
}

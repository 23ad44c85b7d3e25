import { useEffect, useState } from 'react';
import { useToasts } from '../state/toasts.js';
import { CheckIcon, CloseIcon, ErrorIcon, InfoIcon } from './icons.js';
import { useTranslation } from 'react-i18next';

/** Keeps the toasts just above the transfer strip, so they never cover its buttons. */
function useTransfersHeight(): number {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const strip = document.querySelector<HTMLElement>('section.transfers');
    if (!strip) return;
    const observer = new ResizeObserver(() => setHeight(strip.getBoundingClientRect().height));
    observer.observe(strip);
    setHeight(strip.getBoundingClientRect().height);
    return () => observer.disconnect();
  }, []);
  return height;
}

export function Toasts() {
  const { t } = useTranslation();
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  const hold = useToasts((s) => s.hold);
  const release = useToasts((s) => s.release);
  const above = useTransfersHeight();
  return (
    <div className="toasts" style={above ? { bottom: above + 12 } : undefined}>
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast ${toast.tone}`}
          role={toast.tone === 'error' ? 'alert' : 'status'}
          onMouseEnter={() => hold(toast.id)}
          onMouseLeave={() => release(toast.id)}
          onFocus={() => hold(toast.id)}
          onBlur={() => release(toast.id)}
        >
          {toast.tone === 'error' ? <ErrorIcon /> : toast.tone === 'success' ? <CheckIcon /> : <InfoIcon />}
          <div className="toast-text">
            {toast.title ? <div className="toast-title">{toast.title}</div> : null}
            <div>{toast.message}</div>
          </div>
          <button type="button" className="icon-btn small" aria-label={t('app:dismiss')} title={t('app:dismiss')} onClick={() => dismiss(toast.id)}>
            <CloseIcon size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}

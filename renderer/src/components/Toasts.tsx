import { useToasts } from '../state/toasts.js';
import { CheckIcon, CloseIcon, ErrorIcon, InfoIcon } from './icons.js';

export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  return (
    <div className="toasts">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast ${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
          {toast.tone === 'error' ? <ErrorIcon /> : toast.tone === 'success' ? <CheckIcon /> : <InfoIcon />}
          <div className="toast-text">
            {toast.title ? <div className="toast-title">{toast.title}</div> : null}
            <div>{toast.message}</div>
          </div>
          <button type="button" className="icon-btn small" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
            <CloseIcon size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}

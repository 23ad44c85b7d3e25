/** A modal on the native <dialog>: top layer, focus trap, Escape, inert background, and the keyboard back where it was once it closes. */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { rememberFocus } from '../../lib/focusReturn.js';

interface Props {
  title: string;
  onCancel(): void;
  children: ReactNode;
  className?: string;
  icon?: ReactNode;
  /** Element (by CSS selector) to focus first; defaults to the first control. */
  initialFocus?: string;
  role?: 'dialog' | 'alertdialog';
}

export function Modal({ title, onCancel, children, className, icon, initialFocus, role }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const giveFocusBack = rememberFocus();
    if (!dialog.open) dialog.showModal();
    if (initialFocus) dialog.querySelector<HTMLElement>(initialFocus)?.focus();
    return () => {
      if (dialog.open) dialog.close();
      giveFocusBack();
    };
    // Focus once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <dialog
      ref={ref}
      role={role}
      className={className ? `modal ${className}` : 'modal'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <div className="modal-head">
        {icon ? <span className="modal-icon">{icon}</span> : null}
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
      </div>
      {children}
    </dialog>
  );
}

export function ModalFooter({ children, start }: { children: ReactNode; start?: ReactNode }) {
  return (
    <div className="modal-footer">
      {start ? <div className="modal-footer-start">{start}</div> : null}
      <div className="modal-footer-end">{children}</div>
    </div>
  );
}

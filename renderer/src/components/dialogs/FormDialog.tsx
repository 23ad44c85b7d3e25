/** A small modal whose body is a form: its fields, the server error, then Cancel and a submit button. */
import type { ReactNode } from 'react';
import { DialogFooter } from './DialogFooter.js';
import { FormError } from './FormError.js';
import { Modal } from './Modal.js';

interface Props {
  title: string;
  onCancel(): void;
  onSubmit(): void;
  submitLabel: ReactNode;
  children: ReactNode;
  className?: string;
  icon?: ReactNode;
  error?: string | null;
  submitDisabled?: boolean;
  cancelLabel?: ReactNode;
  footerStart?: ReactNode;
}

export function FormDialog({ title, onCancel, onSubmit, submitLabel, children, className, icon, error, submitDisabled, cancelLabel, footerStart }: Props) {
  return (
    <Modal title={title} onCancel={onCancel} className={className} icon={icon} initialFocus="[data-autofocus]">
      <form
        className="modal-body form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <FormError message={error} />
        <DialogFooter onCancel={onCancel} cancelLabel={cancelLabel} action={submitLabel} actionDisabled={submitDisabled} start={footerStart} />
      </form>
    </Modal>
  );
}

/** A dialog's footer: Cancel (or Close, Done) and, when given, its one action. */
import type { ReactNode } from 'react';
import { ModalFooter } from './Modal.js';
import { useTranslation } from 'react-i18next';

interface Props {
  onCancel(): void;
  cancelLabel?: ReactNode;
  /** The action button's label; without it the footer only has Cancel. */
  action?: ReactNode;
  /** Runs the action on click; without it the action submits the dialog's form. */
  onAction?(): void;
  actionDisabled?: boolean;
  danger?: boolean;
  start?: ReactNode;
}

export function DialogFooter({ onCancel, cancelLabel, action, onAction, actionDisabled, danger, start }: Props) {
  const { t } = useTranslation();
  return (
    <ModalFooter start={start}>
      <button type="button" className="btn" onClick={onCancel}>
        {cancelLabel ?? t('app:cancel')}
      </button>
      {action !== undefined ? (
        <button
          type={onAction ? 'button' : 'submit'}
          className={danger ? 'btn btn-danger' : 'btn btn-primary'}
          disabled={actionDisabled}
          onClick={onAction ? () => onAction() : undefined}
        >
          {action}
        </button>
      ) : null}
    </ModalFooter>
  );
}

/** An error shown in a dialog body as a plain alert. */
export function DialogAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div className="alert" role="alert">
      {message}
    </div>
  );
}

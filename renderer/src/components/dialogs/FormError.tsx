/** The error a dialog got back from main, shown in place as an alert. */
import { ErrorIcon } from '../icons.js';

export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div className="alert form-notice" role="alert">
      <ErrorIcon />
      <div>{message}</div>
    </div>
  );
}

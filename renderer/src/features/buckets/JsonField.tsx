/** A JSON text area that says what is wrong as you type. */
import { useId } from 'react';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  problem: string | null;
  rows?: number;
  placeholder?: string;
  /** Sizes the text area (e.g. to the window) instead of `rows`. */
  className?: string;
}

export function JsonField({ label, value, onChange, problem, rows = 10, placeholder, className }: Props) {
  const id = useId();
  return (
    <div className="bucket-json">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className={className ? `input mono bucket-textarea ${className}` : 'input mono bucket-textarea'}
        rows={rows}
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      {problem ? (
        <div className="field-error" id={`${id}-problem`}>
          {problem}
        </div>
      ) : null}
    </div>
  );
}


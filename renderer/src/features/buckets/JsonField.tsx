/** A JSON text area that says what is wrong as you type. */
import { useId } from 'react';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  problem: string | null;
  rows?: number;
  placeholder?: string;
}

export function JsonField({ label, value, onChange, problem, rows = 10, placeholder }: Props) {
  const id = useId();
  return (
    <div className="bucket-json">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="input mono bucket-textarea"
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

/** Parses a JSON array, or says why it is not one. */
export function parseJsonArray<T>(text: string): { value: T[] } | { problem: string } {
  if (text.trim() === '') return { value: [] };
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return { problem: 'Enter a JSON array: [ … ].' };
    return { value: value as T[] };
  } catch (error) {
    return { problem: `Not valid JSON: ${(error as Error).message}` };
  }
}

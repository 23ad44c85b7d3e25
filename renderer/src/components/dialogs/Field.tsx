/** Labelled form rows with inline validation messages. */
import { useId, type ReactNode } from 'react';

interface RowProps {
  label: string;
  htmlFor?: string;
  error?: string | undefined;
  errorId?: string;
  hint?: ReactNode;
  hintId?: string;
  children: ReactNode;
}

export function FormRow({ label, htmlFor, error, errorId, hint, hintId, children }: RowProps) {
  return (
    <div className="form-row">
      <label className="form-label" htmlFor={htmlFor}>
        {label}
      </label>
      <div className="form-control">
        {children}
        {error ? (
          <div className="field-error" id={errorId}>
            {error}
          </div>
        ) : null}
        {hint ? (
          <div className="field-hint" id={hintId}>
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: ReactNode;
  type?: 'text' | 'password' | 'url';
  placeholder?: string;
  mono?: boolean;
  autoFocus?: boolean;
  list?: string;
  inputMode?: 'numeric' | 'text' | 'url';
  after?: ReactNode;
  className?: string;
}

export function TextField(props: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [props.error ? errorId : '', props.hint ? hintId : ''].filter(Boolean).join(' ');
  const input = (
    <input
      id={id}
      className={`input${props.mono ? ' mono' : ''}${props.className ? ` ${props.className}` : ''}`}
      type={props.type ?? 'text'}
      value={props.value}
      placeholder={props.placeholder}
      spellCheck={false}
      autoComplete="off"
      autoCapitalize="off"
      list={props.list}
      inputMode={props.inputMode}
      data-autofocus={props.autoFocus ? '' : undefined}
      aria-invalid={props.error ? 'true' : undefined}
      aria-describedby={describedBy || undefined}
      onChange={(event) => props.onChange(event.currentTarget.value)}
    />
  );
  return (
    <FormRow label={props.label} htmlFor={id} error={props.error} errorId={errorId} hint={props.hint} hintId={hintId}>
      {props.after ? (
        <div className="input-with-after">
          {input}
          {props.after}
        </div>
      ) : (
        input
      )}
    </FormRow>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange(value: T): void;
}

export function SelectField<T extends string>({ label, value, options, onChange }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <FormRow label={label} htmlFor={id}>
      <select id={id} className="select" value={value} onChange={(event) => onChange(event.currentTarget.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FormRow>
  );
}

interface CheckFieldProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: ReactNode;
  disabled?: boolean;
}

/** A checkbox in the control column, its label beside it. */
export function CheckField({ label, checked, onChange, hint, disabled }: CheckFieldProps) {
  const id = useId();
  return (
    <div className="form-row">
      <span className="form-label" />
      <div className="form-control">
        <div className="check">
          <input
            id={id}
            type="checkbox"
            checked={checked}
            disabled={disabled}
            aria-describedby={hint ? `${id}-hint` : undefined}
            onChange={(event) => onChange(event.currentTarget.checked)}
          />
          <label htmlFor={id}>{label}</label>
        </div>
        {hint ? (
          <div className="field-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  );
}

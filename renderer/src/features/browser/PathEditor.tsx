/** The path bar's text mode: type or paste a path and press Enter (Ctrl/Cmd+L opens it). */
import { useEffect, useRef, useState } from 'react';
import { rememberFocus } from '../../lib/focusReturn.js';
import type { Protocol } from '../../../../shared/files.js';
import { useTranslation } from 'react-i18next';

interface Props {
  path: string;
  protocol: Protocol;
  onGo(path: string): void;
  onDone(): void;
}

/** Typed paths: a leading "/" is added, and S3 bucket/folder paths get their trailing "/". */
export function normalizeTypedPath(typed: string, protocol: Protocol): string {
  let path = typed.trim();
  if (protocol === 's3' && path.startsWith('s3://')) path = path.slice(4);
  if (!path.startsWith('/')) path = `/${path}`;
  if (protocol === 's3' && !path.endsWith('/')) path = `${path}/`;
  return path;
}

export function PathEditor({ path, protocol, onGo, onDone }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState(path);
  const ref = useRef<HTMLInputElement>(null);
  // The keyboard goes back where it was (or to the list) once the path is typed or abandoned.
  useEffect(() => {
    const giveFocusBack = rememberFocus();
    ref.current?.focus();
    ref.current?.select();
    return giveFocusBack;
  }, []);
  return (
    <form
      className="pathbar-edit"
      onSubmit={(event) => {
        event.preventDefault();
        onGo(normalizeTypedPath(value, protocol));
        onDone();
      }}
    >
      <input
        ref={ref}
        className="input mono"
        aria-label={t('browser:pathBar.label')}
        data-user-text
        value={value}
        spellCheck={false}
        onChange={(event) => setValue(event.currentTarget.value)}
        onBlur={onDone}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onDone();
          }
        }}
      />
    </form>
  );
}

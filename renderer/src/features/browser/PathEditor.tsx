/** The path bar's text mode: type or paste a path and press Enter (Ctrl/Cmd+L opens it). */
import { useEffect, useRef, useState } from 'react';

interface Props {
  path: string;
  protocol: 's3' | 'sftp';
  onGo(path: string): void;
  onDone(): void;
}

/** Typed paths: a leading "/" is added, and S3 bucket/folder paths get their trailing "/". */
export function normalizeTypedPath(typed: string, protocol: 's3' | 'sftp'): string {
  let path = typed.trim();
  if (protocol === 's3' && path.startsWith('s3://')) path = path.slice(4);
  if (!path.startsWith('/')) path = `/${path}`;
  if (protocol === 's3' && !path.endsWith('/')) path = `${path}/`;
  return path;
}

export function PathEditor({ path, protocol, onGo, onDone }: Props) {
  const [value, setValue] = useState(path);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
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
        aria-label="Path"
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

/**
 * Renaming in the row, as Finder and Cyberduck do: the name is selected up to its extension;
 * Enter or leaving the field renames, Escape keeps the old name. A refused name says why
 * beside the field and the file keeps its old name.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { FileEntry } from '../../../../shared/files.js';
import { toApiError } from '../../api/client.js';
import { focusHome } from '../../lib/focusReturn.js';
import { showError } from '../../state/toasts.js';
import { endRename, nameProblem, renameInPlace } from './fileActions.js';
import { useTranslation } from 'react-i18next';

/** How much of a name is its stem: up to the last dot of a file (not a leading one), all of a folder's. */
export function stemLength(name: string, folder: boolean): number {
  const dot = name.lastIndexOf('.');
  return folder || dot <= 0 ? name.length : dot;
}

export function RenameField({ connectionId, entry }: { connectionId: string; entry: FileEntry }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(entry.name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Set once the edit is over, so the blur that follows does not commit again. */
  const settled = useRef(false);
  /** A rename is on its way to the server (a ref: the blur handler must see it at once). */
  const working = useRef(false);
  const [bubble, setBubble] = useState<{ left: number; top: number } | null>(null);

  // The error sits under the field, above the rows: in a portal, since the row (moved by a transform) and its cell clip what overflows them.
  useLayoutEffect(() => {
    const box = error ? ref.current?.getBoundingClientRect() : undefined;
    setBubble(box ? { left: box.left, top: box.bottom + 4 } : null);
  }, [error]);

  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    input.focus();
    input.setSelectionRange(0, stemLength(entry.name, entry.kind === 'folder'));
    // Once per rename: a listing refreshed meanwhile hands a new entry object for the same file, and must not reselect what the user typed.
  }, [entry.path]);

  const finish = () => {
    settled.current = true;
    // The list takes the keyboard back before the field goes away.
    const grid = ref.current?.closest<HTMLElement>('[role="grid"]');
    if (grid) grid.focus();
    else focusHome();
    endRename(connectionId);
  };

  /** `leaving`: the field lost focus, so a failure is reported as a toast and the edit ends. */
  const commit = async (leaving: boolean) => {
    if (settled.current || working.current) return;
    if (value === entry.name) return finish();
    const problem = nameProblem(value);
    if (problem) {
      if (leaving) {
        showError(problem, t('browser:rename.notRenamed', { name: entry.name }));
        return finish();
      }
      return setError(problem);
    }
    working.current = true;
    setBusy(true);
    setError(null);
    try {
      await renameInPlace(connectionId, entry, value);
      finish();
    } catch (caught) {
      const message = toApiError(caught).message;
      working.current = false;
      setBusy(false);
      if (leaving || !ref.current) {
        showError(message, t('browser:rename.notRenamed', { name: entry.name }));
        finish();
      } else {
        setError(message);
        ref.current.focus();
      }
    }
  };

  return (
    <span className="rename-field">
      <input
        ref={ref}
        className="input rename-input"
        aria-label={t('browser:rename.newName', { name: entry.name })}
        data-user-text
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'rename-error' : undefined}
        value={value}
        readOnly={busy}
        aria-busy={busy ? 'true' : undefined}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => {
          setValue(event.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          // The row's keys (arrows, type-ahead, Delete) are the list's, not the field's.
          event.stopPropagation();
          if (event.key === 'Enter') {
            event.preventDefault();
            void commit(false);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            finish();
          }
        }}
        // Switching to another app is no decision about the name: the field keeps it until the user is back.
        onBlur={() => {
          if (document.hasFocus()) void commit(true);
        }}
        onClick={(event) => event.stopPropagation()}
        onDoubleClick={(event) => event.stopPropagation()}
        onPointerDown={(event) => event.stopPropagation()}
        onContextMenu={(event) => event.stopPropagation()}
      />
      {error
        ? createPortal(
            <span id="rename-error" className="rename-error" role="alert" style={bubble ?? { visibility: 'hidden' }}>
              {error}
            </span>,
            document.body,
          )
        : null}
    </span>
  );
}

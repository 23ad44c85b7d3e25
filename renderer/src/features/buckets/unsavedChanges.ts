/**
 * Unsaved edits in a bucket settings panel. The open panel reports what it would save
 * or drop; the settings dialog asks before that panel is left (another panel, or closing).
 */
import { createContext, useContext, useEffect, type MutableRefObject } from 'react';

export interface UnsavedChanges {
  /** Saves the edits; false when the server refused them (the panel shows why). */
  save(): Promise<boolean>;
  discard(): void;
  /** False while a field is invalid: the edits can only be kept by staying, or dropped. */
  canSave: boolean;
}

export const UnsavedChangesContext = createContext<MutableRefObject<UnsavedChanges | null> | null>(null);

/** Called by a panel on every render: its edits when `changed`, otherwise nothing to lose. */
export function useUnsavedChanges(changed: boolean, changes: UnsavedChanges): void {
  const slot = useContext(UnsavedChangesContext);
  useEffect(() => {
    if (slot) slot.current = changed ? changes : null;
  });
  useEffect(
    () => () => {
      if (slot) slot.current = null;
    },
    [slot],
  );
}
